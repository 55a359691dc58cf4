"""Plugins installed with pip into a temporary environment, found through their entry points.

The temporary environment sees this project's environment through a ``.pth`` file,
so installing into it never changes the environment the other tests run in.
"""

import json
import os
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest

HERE = Path(__file__).parent
STORY = (
    'THE EXAMPLE TIMES\nHarbour deal signed\n\n"We have a deal," said port director Lena Berg.\n'
)


class Env:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.python = root / "bin" / "python"
        self.env = {**os.environ, "PROVENANCE_DATABASE_URL": f"sqlite:///{root}/p.db"}

    def run(self, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [str(self.python), *args],
            capture_output=True,
            text=True,
            cwd=self.root,
            env={**self.env, **env},
            timeout=300,
        )
        if check and result.returncode:
            raise AssertionError(f"{args} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def provenance(self, *args: str, **kw) -> subprocess.CompletedProcess:
        return self.run("-m", "provenance", *args, **kw)

    def install(self, path: Path) -> None:
        self.provenance("plugins", "install", "--no-build-isolation", "--no-deps", str(path))


@pytest.fixture
def env(tmp_path: Path) -> Env:
    venv.create(tmp_path, with_pip=False)
    purelib = sysconfig.get_paths()["purelib"]
    (Path(_purelib(tmp_path)) / "parent_env.pth").write_text(
        f"import site; site.addsitedir({purelib!r})\n"
    )
    return Env(tmp_path)


def _purelib(root: Path) -> str:
    return sysconfig.get_paths(vars={"base": str(root), "platbase": str(root)})["purelib"]


def extractors_over_http(env: Env) -> list[dict]:
    script = (
        "from litestar.testing import TestClient\n"
        "from provenance.app import create_app\n"
        "from provenance.settings import Settings\n"
        "with TestClient(create_app(Settings.from_env())) as c:\n"
        "    print(c.get('/extractors').text)\n"
    )
    return json.loads(env.run("-c", script, PROVENANCE_SEED_ON_START="false").stdout)


def test_an_installed_plugin_is_listed_and_takes_over_what_it_claims(env: Env):
    env.install(HERE / "example")
    listed = env.provenance("plugins", "list").stdout
    assert "provenance-example" in listed and "1.2.3" in listed
    over_http = {e["name"]: e for e in extractors_over_http(env)}
    assert over_http["example"]["distribution"] == "provenance-example"
    assert over_http["example"]["formats"] == ["example-times"]
    story = env.root / "story.txt"
    story.write_text(STORY)
    found = json.loads(env.provenance("extract", str(story), "--json").stdout)
    assert found["extractor"] == "example"
    assert "THE EXAMPLE TIMES" not in found["body"]
    env.provenance("plugins", "uninstall", "provenance-example")
    assert "provenance-example" not in env.provenance("plugins", "list").stdout


@pytest.mark.parametrize("mode", ["raise", "rubbish", "hang"])
def test_a_broken_plugin_loses_no_document(env: Env, mode: str):
    env.install(HERE / "broken")
    story = env.root / "story.txt"
    story.write_text(STORY)
    settings = {"PROVENANCE_BROKEN_MODE": mode, "PROVENANCE_EXTRACT_TIMEOUT": "1"}
    ingested = env.provenance("ingest", str(story), **settings)
    assert "1 new, 0 duplicate, 0 failed" in ingested.stdout
    script = (
        "from provenance.service import ProvenanceService\n"
        "from provenance.settings import Settings\n"
        "s = ProvenanceService(Settings.from_env()); s.start()\n"
        "doc = s.get_document(s.list_documents(10, 0).items[0].id)\n"
        "print(doc.extractor, doc.failures[0].plugin, 'Lena Berg' in doc.body)\n"
    )
    extractor, plugin, kept = env.run("-c", script, PROVENANCE_SEED_ON_START="false").stdout.split()
    assert extractor != "broken"
    assert plugin == "broken"
    assert kept == "True"


def test_the_template_is_a_working_plugin(env: Env):
    env.provenance("plugins", "new", "harbour-gazette", "--directory", str(env.root))
    package = env.root / "provenance-harbour-gazette"
    env.install(package)
    assert "provenance-harbour-gazette" in env.provenance("plugins").stdout
    tests = env.run("-m", "pytest", "-q", "-p", "no:cacheprovider", str(package / "tests"))
    assert "2 passed" in tests.stdout
    again = env.provenance(
        "plugins", "new", "harbour-gazette", "--directory", str(env.root), check=False
    )
    assert again.returncode == 1 and "already exists" in again.stderr
