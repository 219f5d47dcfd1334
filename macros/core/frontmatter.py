"""Read a Markdown page's YAML front matter without mkdocs, reporting bad YAML by file and line."""
from __future__ import annotations

from pathlib import Path

import yaml

from ..core.errors import SAFE_LOADER, ContentError

# libyaml's safe loader where PyYAML has it: the same documents and errors, many times faster,
# which counts when every law page's front matter is read (all 378 laws of the database).


def body_of(text: str) -> tuple[str, int]:
    """The page without its front matter, and the line number where that body starts.
    (Does not read the YAML: a page with bad front matter is still scanned, and reported once.)"""
    if not text.startswith("---\n"):
        return text, 1
    end = text.find("\n---\n", 4)
    if end == -1:
        return text, 1
    return text[end + 5:], text[4:end].count("\n") + 4


def split_front_matter(text: str, path: Path | str = "<page>") -> tuple[dict, str, int]:
    """Return (front matter, body, line number of the body's first line)."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = text.find("\n---\n", 4)
    if end == -1:
        raise ContentError(path, "页首信息（front matter）缺少结尾的 --- 行", line=1)
    raw = text[4:end]
    try:
        meta = yaml.load(raw, Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise ContentError(path, f"页首信息不是合法的 YAML：{getattr(e, 'problem', e)}", line=line) from None
    if not isinstance(meta, dict):
        raise ContentError(path, "页首信息应为“键: 值”的形式", line=2)
    body_start = raw.count("\n") + 4
    return meta, text[end + 5:], body_start


def read_front_matter(path: Path) -> dict:
    return split_front_matter(path.read_text(encoding="utf-8"), path)[0]
