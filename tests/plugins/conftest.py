"""Temporary environments that see this project's environment through a ``.pth`` file,
so that installing plugins into them never changes the one the other tests run in."""

import os
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest

HERE = Path(__file__).parent


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

    def install(self, path: Path, *options: str) -> None:
        self.provenance(
            "plugins", "install", "--no-build-isolation", "--no-deps", *options, str(path)
        )


def make_env(root: Path) -> Env:
    venv.create(root, with_pip=False)
    purelib = sysconfig.get_paths()["purelib"]
    (Path(_purelib(root)) / "parent_env.pth").write_text(
        f"import site; site.addsitedir({purelib!r})\n"
    )
    return Env(root)


def _purelib(root: Path) -> str:
    return sysconfig.get_paths(vars={"base": str(root), "platbase": str(root)})["purelib"]


@pytest.fixture
def env(tmp_path: Path) -> Env:
    return make_env(tmp_path)


@pytest.fixture(scope="module")
def broken_env(tmp_path_factory: pytest.TempPathFactory) -> Env:
    """An environment with the misbehaving plugin ``tests/plugins/broken`` installed."""
    env = make_env(tmp_path_factory.mktemp("broken-env"))
    env.install(HERE / "broken")
    return env
