"""Command-line entry points (`python -m macros.cli.<name>`, run from the project folder):
check (make check), lawimport (make import-laws, make check-laws), quizpages (quiz pages)."""

from __future__ import annotations

from pathlib import Path


def project_root(given: Path | None = None) -> Path:
    """The project folder: the one given, or the current folder (where mkdocs.yml is)."""
    return (given or Path.cwd()).resolve()
