"""Plugins installed with pip into a temporary environment, found through their entry points.

The temporary environment sees this project's environment through a ``.pth`` file,
so installing into it never changes the environment the other tests run in.
"""

import json

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
