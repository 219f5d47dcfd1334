"""Figures of time, age, share and money in Chinese legal text — 三十日, 15日, 二年, 六个月,
五个工作日, 十八周岁, 三分之二, 五百元, 二十万元, 一倍 — as (value, unit) pairs, so that a sentence in
the project's own words can be checked against the article it summarises: 两年, 二年 and 2年 are
one figure, 十五日 and 30日 are not, 一千元 and 1000元 are one. A range in plain words (五到十日,
五百至一千元) is both its ends, as the statute writes them (五日以上十日以下). An ordinal (第二天,
第一年) is not a figure."""

from __future__ import annotations

import re
from fractions import Fraction

from .cnnum import cn_to_int

_NUM = r"[0-9]+|[零〇一二两三四五六七八九十百千]+"
_AMOUNT = r"[0-9]+|[零〇一二两三四五六七八九十百千万]+"  # money may run to 万 (二十万元)
_UNITS = "工作日|小时|日|月|年|周岁"
_SPAN = re.compile(rf"(?<!第)({_NUM})个?({_UNITS})")
_SHARE = re.compile(rf"({_NUM})分之({_NUM})")
_MONEY = re.compile(rf"({_AMOUNT})元")
_TIMES = re.compile(rf"({_NUM})倍")
_RANGE = re.compile(rf"(?<!第)({_AMOUNT})(?:到|至|～|~|-|－|—)({_AMOUNT})个?({_UNITS}|元|倍)")

Figure = tuple[int | Fraction, str]


def _value(text: str) -> int | None:
    try:
        return cn_to_int(text)
    except ValueError:
        return None


def _amount(text: str) -> int | None:
    """五百 → 500, 二十万 → 200000, 1000 → 1000."""
    if "万" not in text:
        return _value(text)
    high, _, low = text.partition("万")
    tens = _value(high) if high else 1
    rest = _value(low) if low else 0
    return None if tens is None or rest is None else tens * 10000 + rest


def figures(text: str) -> dict[Figure, str]:
    """The figures in `text`, each with how it is written there (for messages)."""
    text = re.sub(r"\s+", "", text)
    out: dict[Figure, str] = {}
    for m in _SHARE.finditer(text):
        whole, part = _value(m.group(1)), _value(m.group(2))
        if whole and part is not None:
            out.setdefault((Fraction(part, whole), "分之"), m.group(0))
    text = _SHARE.sub("", text)
    for m in _RANGE.finditer(text):
        unit = m.group(3)
        for end in (m.group(1), m.group(2)):
            n = _amount(end) if unit == "元" else _value(end)
            if n is not None:
                out.setdefault((n, unit), end + unit)
    text = _RANGE.sub("", text)
    for m in _SPAN.finditer(text):
        n = _value(m.group(1))
        if n is not None:
            out.setdefault((n, m.group(2)), m.group(0))
    for m in _MONEY.finditer(text):
        n = _amount(m.group(1))
        if n is not None:
            out.setdefault((n, "元"), m.group(0))
    for m in _TIMES.finditer(text):
        n = _value(m.group(1))
        if n is not None:
            out.setdefault((n, "倍"), m.group(0))
    return out


def figures_missing(summary: str, source: str) -> list[str]:
    """The figures of `summary` that `source` does not state, as written in the summary."""
    have = figures(source)
    return [shown for fig, shown in figures(summary).items() if fig not in have]
