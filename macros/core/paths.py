"""Where a project's files are, and the address formats that tie pages together.

ProjectPaths is handed to the engine by whoever runs it (the MkDocs adapter, `make check`, the
importer, a test's small scenario site), so no module finds its data next to its own code.

Placement rule (macros/README.md): data shown by one page sits beside that page (a quiz's YAML
beside its practice page, a template's YAML beside the template page); lists used across the
site (the law list, referral directory, search vocabulary, article 要点, law review queue) sit in
the one data folder, `data/`."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProjectPaths:
    root: Path  # the folder of mkdocs.yml
    docs: Path  # docs/
    data: Path  # data/: site-wide lists
    sources: Path  # sources/: law source files as obtained

    @classmethod
    def at(cls, root: Path | str, docs: Path | str | None = None, data: Path | str | None = None) -> ProjectPaths:
        root = Path(root).resolve()
        return cls(
            root=root,
            docs=Path(docs).resolve() if docs else root / "docs",
            data=Path(data).resolve() if data else root / "data",
            sources=root / "sources",
        )

    # the site-wide data files
    @property
    def law_list(self) -> Path:
        return self.data / "laws.yaml"

    @property
    def referrals(self) -> Path:
        return self.data / "referrals.yaml"

    @property
    def outside_questions(self) -> Path:
        return self.data / "outside_questions.yaml"

    @property
    def search_vocab(self) -> Path:
        return self.data / "search_vocab.yaml"

    @property
    def article_keywords(self) -> Path:
        return self.data / "article_keywords.yaml"

    @property
    def article_questions(self) -> Path:
        return self.data / "article_questions.yaml"

    @property
    def law_review(self) -> Path:
        return self.data / "law_review.yaml"

    @property
    def townships(self) -> Path:
        """One config file per township (<id>.yml), each inheriting mkdocs.yml."""
        return self.data / "townships"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def shown(self, path: Path | str) -> str:
        """A path as the editor knows it: relative to the project (docs/reception/x.md)."""
        p = Path(path)
        try:
            return p.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


# ---- article anchors: art-62 on the law's page; art-120-1 for 第一百二十条之一 -------------

_ANCHOR = re.compile(r"^art-(\d+)(?:-(\d+))?$")


def article_anchor(number: int, sub: int | None = None) -> str:
    return f"art-{number}" if sub is None else f"art-{number}-{sub}"


def parse_anchor(anchor: str) -> tuple[int, int | None] | None:
    """art-62 → (62, None); art-120-1 → (120, 1); anything else → None."""
    m = _ANCHOR.match(anchor)
    if not m:
        return None
    return int(m.group(1)), (int(m.group(2)) if m.group(2) else None)


# ---- links between pages -------------------------------------------------------------------


def rel_link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A Markdown link target from one docs page to another (MkDocs resolves and checks it)."""
    path = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{path}#{anchor}" if anchor else path


def page_url(rel: str, use_directory_urls: bool = False) -> str:
    """The built address of a docs page: laws/x.md → laws/x.html (or laws/x/)."""
    stem = rel[:-3]
    return f"{stem}/" if use_directory_urls else f"{stem}.html"
