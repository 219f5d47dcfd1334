"""Projects to build: the real one, a copy of it to break on purpose, or a small scenario site
(tests/site/scenarios/<name>/, pages kept as files) completed with parts of the real project."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from macros.core.paths import ProjectPaths

ROOT = Path(__file__).resolve().parents[2]
PATHS = ProjectPaths.at(ROOT)
SCENARIOS = ROOT / "tests" / "site" / "scenarios"
_IGNORE = shutil.ignore_patterns("__pycache__")


@functools.lru_cache(maxsize=1)
def real_site():
    """The real project's site model (no build), loaded once; it must have no problems."""
    from macros.site import load_site, read_extra

    site, problems = load_site(PATHS, read_extra(PATHS.config))
    assert not problems, "\n".join(map(str, problems))
    return site


def build_site(project: Path, site_dir: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` for the project at `project` into `site_dir`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def build_full(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Build as `make build` does (scripts/build/build_site.py: the site and its printed
    handbooks), with the engine and scripts of this checkout; args: --site-dir, --township, --all."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "scripts.build.build_site", "--project", str(project), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )


def _copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    if src.is_dir():
        shutil.copytree(src, dst, ignore=_IGNORE, dirs_exist_ok=True)
    else:
        shutil.copy2(src, dst)


def make_project(
    dst: Path,
    *,
    docs: Iterable[str] | str = "all",
    data: bool = True,
    scenario: str | None = None,
    pages: dict[str, str] | None = None,
) -> Path:
    """A project folder to build: the real mkdocs.yml; `docs` — "all" of the real docs/, or the
    listed files and folders of it (docs-relative); the real data/ and sources/ (data=True); then a
    scenario's files (tests/site/scenarios/<scenario>/, over the copied ones) and `pages`
    (docs-relative path → text). The engine is the installed package: nothing of macros/ is copied."""
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dst / "mkdocs.yml")
    (dst / "docs").mkdir(exist_ok=True)
    if docs == "all":
        _copy(ROOT / "docs", dst / "docs")
    else:
        for rel in docs:
            _copy(ROOT / "docs" / rel, dst / "docs" / rel)
    if data:  # the site-wide lists, and the law source files some checks read
        _copy(ROOT / "data", dst / "data")
        _copy(ROOT / "sources", dst / "sources")
    if scenario:
        _copy(SCENARIOS / scenario, dst)
    for rel, text in (pages or {}).items():
        path = dst / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return dst


def copy_project(dst: Path) -> Path:
    """The whole project as a build reads it (mkdocs.yml, docs/, data/)."""
    return make_project(dst)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` (which must be there) in a copied file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
