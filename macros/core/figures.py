"""Figures of time, age and share in Chinese legal text — 三十日, 15日, 二年, 六个月, 五个工作日,
十八周岁, 三分之二 — as (value, unit) pairs, so that a sentence in the project's own words can be
checked against the article it summarises: 两年, 二年 and 2年 are one figure, 十五日 and 30日 are
not. An ordinal (第二天, 第一年) is not a figure."""

from __future__ import annotations

import re
from fractions import Fraction

from .cnnum import cn_to_int

_NUM = r"[0-9]+|[零〇一二两三四五六七八九十百千]+"
_SPAN = re.compile(rf"(?<!第)({_NUM})个?(工作日|小时|日|月|年|周岁)")
_SHARE = re.compile(rf"({_NUM})分之({_NUM})")

Figure = tuple[int | Fraction, str]


def _value(text: str) -> int | None:
    try:
        return cn_to_int(text)
    except ValueError:
        return None


def figures(text: str) -> dict[Figure, str]:
    """The figures in `text`, each with how it is written there (for messages)."""
    text = re.sub(r"\s+", "", text)
    out: dict[Figure, str] = {}
    for m in _SHARE.finditer(text):
        whole, part = _value(m.group(1)), _value(m.group(2))
        if whole and part is not None:
            out.setdefault((Fraction(part, whole), "分之"), m.group(0))
    text = _SHARE.sub("", text)
    for m in _SPAN.finditer(text):
        n = _value(m.group(1))
        if n is not None:
            out.setdefault((n, m.group(2)), m.group(0))
    return out


def figures_missing(summary: str, source: str) -> list[str]:
    """The figures of `summary` that `source` does not state, as written in the summary."""
    have = figures(source)
    return [shown for fig, shown in figures(summary).items() if fig not in have]
