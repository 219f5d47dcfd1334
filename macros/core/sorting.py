"""Chinese sort order for people: by pinyin (宅基地 under Z), as dictionaries and indexes do."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def pinyin_key(text: str) -> tuple[str, str]:
    return (" ".join(lazy_pinyin(text, style=Style.TONE3)), text)
