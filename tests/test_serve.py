"""`provenance serve`, as `make run` starts it: a real server on loopback with the seeds."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return json.load(response)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_starts_with_the_seeds(tmp_path: Path, workers: int):
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "provenance",
            "serve",
            "--port",
            f"{port}",
            "--workers",
            f"{workers}",
        ],
        cwd=ROOT,
        env={**os.environ, "PROVENANCE_DATABASE_URL": f"sqlite:///{tmp_path}/serve.db"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        health = wait_for(f"http://127.0.0.1:{port}/health")
        assert health == {
            "status": "ok",
            "version": health["version"],
            "documents": 5,
        }  # no plugin failed to load, so no `plugin_failures`
        for _ in range(4):  # every worker answers from the one seeded database
            assert wait_for(f"http://127.0.0.1:{port}/documents")["total"] == 5
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "Traceback" not in errors
