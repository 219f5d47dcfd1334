"""A Markdown page's YAML front matter, read without mkdocs: bad YAML is reported at its line."""

from __future__ import annotations

from pathlib import Path

from .datafile import key_lines, parse_yaml
from .errors import ContentError


def body_of(text: str) -> tuple[str, int]:
    """The page without its front matter, and the line number where that body starts.
    (Does not read the YAML: a page with bad front matter is still scanned, and reported once.)"""
    if not text.startswith("---\n"):
        return text, 1
    end = text.find("\n---\n", 4)
    if end == -1:
        return text, 1
    return text[end + 5 :], text[4:end].count("\n") + 4


def split_front_matter(text: str, path: Path | str = "<page>") -> tuple[dict, str, int]:
    """Return (front matter, body, line number of the body's first line)."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = text.find("\n---\n", 4)
    if end == -1:
        raise ContentError(path, "页首信息（front matter）缺少结尾的 --- 行", line=1)
    raw = text[4:end]
    meta = parse_yaml(raw, path, first_line=2, what="页首信息不是合法的 YAML") or {}
    if not isinstance(meta, dict):
        raise ContentError(path, "页首信息应为“键: 值”的形式", line=2)
    return meta, text[end + 5 :], raw.count("\n") + 4


def front_matter_lines(text: str) -> dict[tuple, int]:
    """Line of each front-matter key (for messages about a field)."""
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---\n", 4)
    return key_lines(text[4:end], first_line=2) if end != -1 else {}
