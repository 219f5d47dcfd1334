"""Characters that pasted text brings along and readers cannot see: zero-width and direction
marks, soft hyphens, byte-order marks, and the look-alike CJK radicals (⼀ U+2F00 for 一) that
break search and citation matching. Content pages and data files are checked; the law pages
come from the importer and are checked against the database instead."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .errors import ContentError

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff"
_RADICALS = "\u2e80-\u2eff\u2f00-\u2fdf"
_SUSPECT = re.compile(f"[{_INVISIBLE}{_RADICALS}]")


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "未命名字符")
    if ch in _INVISIBLE:
        return f"看不见的字符 U+{ord(ch):04X}（{name}），请删除"
    normal = unicodedata.normalize("NFKC", ch)
    hint = f"，应为“{normal}”" if normal != ch else "，请换成常用汉字"
    return f"部首字符“{ch}”U+{ord(ch):04X}（{name}）{hint}"


def check_characters(path: Path, text: str) -> list[ContentError]:
    problems = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        for m in _SUSPECT.finditer(line):
            problems.append(ContentError(path, f"第 {m.start() + 1} 字是{_describe(m.group())}", line=lineno))
    return problems
