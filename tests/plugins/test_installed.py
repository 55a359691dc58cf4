"""Plugins installed with pip into a temporary environment, found through their entry points.

The temporary environment sees this project's environment through a ``.pth`` file,
so installing into it never changes the environment the other tests run in.
"""

import json
import shutil
import subprocess
from pathlib import Path

from tests.plugins.conftest import HERE, Env

STORY = (
    'THE EXAMPLE TIMES\nHarbour deal signed\n\n"We have a deal," said port director Lena Berg.\n'
)


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


def test_the_template_is_a_working_plugin(env: Env):
    env.provenance("plugins", "new", "harbour-gazette", "--directory", str(env.root))
    package = env.root / "provenance-harbour-gazette"
    env.install(package)
    assert "provenance-harbour-gazette" in env.provenance("plugins").stdout
    tests = env.run("-m", "pytest", "-q", "-p", "no:cacheprovider", str(package / "tests"))
    assert "2 passed" in tests.stdout
    gold = package / "tests" / "gold.json"
    kit = env.provenance("plugins", "test", str(package), "--gold", str(gold))
    assert "passed  gold: overall: statement F1 1.000" in kit.stdout
    again = env.provenance(
        "plugins", "new", "harbour-gazette", "--directory", str(env.root), check=False
    )
    assert again.returncode == 1 and "already exists" in again.stderr


UPGRADE_SCRIPT = """
import sys, time
from provenance.domain import RawDocument
from provenance.service import ProvenanceService
from provenance.settings import Settings
service = ProvenanceService(Settings.from_env())
service.start()
def version():
    found = service.extract(RawDocument(text=open("story.txt").read()))
    assert found.extractor == "example", found.failures
    return found.extractor_version
print(version(), flush=True)
sys.stdin.readline()  # the test upgrades the plugin meanwhile
deadline = time.monotonic() + 30
while (seen := version()) == "1.2.3" and time.monotonic() < deadline:
    time.sleep(0.5)
print(seen, [e.version for e in service.plugins.describe() if e.name == "example"][0])
service.close()
"""


def test_a_running_service_picks_up_an_upgraded_plugin(env: Env, tmp_path: Path):
    """Isolated plugins' workers are replaced when a newer version is installed."""
    env.install(HERE / "example")
    (env.root / "story.txt").write_text(STORY)
    upgraded = tmp_path / "example"
    shutil.copytree(HERE / "example", upgraded)
    pyproject = upgraded / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"1.2.3"', '"1.2.4"'))
    running = subprocess.Popen(
        [str(env.python), "-c", UPGRADE_SCRIPT],
        cwd=env.root,
        env={**env.env, "PROVENANCE_SEED_ON_START": "false"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert running.stdout.readline().strip() == "1.2.3"
    env.install(upgraded)
    out, _ = running.communicate("go\n", timeout=60)
    assert out.split() == ["1.2.4", "1.2.4"], out
