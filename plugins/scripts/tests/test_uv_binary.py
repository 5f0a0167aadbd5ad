"""The uv of `packageManager: UV` is found on the worker's PATH, and without one there
beside the project's interpreter (where `pip install uv` puts it)."""
import os
import sys
from pathlib import Path

from plugins.scripts.uv_binary import find_uv


def test_it_finds_uv_beside_the_interpreter_when_the_path_has_none(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    found = find_uv()
    assert found is not None and Path(found).parent == Path(sys.executable).parent


def test_the_path_comes_first(monkeypatch, tmp_path):
    own = tmp_path / "uv"
    own.write_text("#!/bin/sh\n")
    own.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    assert find_uv() == str(own)
