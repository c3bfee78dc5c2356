"""Shared fixtures: a private copy of the project, so tests can break its data safely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of ontology/, data/ and queries/ in a temporary folder."""
    for name in ("ontology", "data", "queries"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed graph built once for the session; returns the output folder."""
    from regiongraph import Paths, build

    out = tmp_path_factory.mktemp("out")
    build(Paths.at(ROOT, out))
    return out
