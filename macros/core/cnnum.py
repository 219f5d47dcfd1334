"""Chinese numerals as written in statute numbering (第六十二条, 第一千二百六十条, 第二百零八条)."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)


def cn_to_int(text: str) -> int:
    """Parse a Chinese numeral below 10000 ('六十二' -> 62, '十' -> 10, '二百零八' -> 208).

    Raises ValueError for anything else, so a malformed number is never guessed at."""
    if not text:
        raise ValueError("空的中文数字")
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for ch in text:
        if ch in "零〇" and total:
            continue  # a placeholder zero inside the number: 二百零八
        if ch in _DIGITS:
            if digit is not None:
                raise ValueError(f"无法解析的中文数字：{text}")
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            raise ValueError(f"无法解析的中文数字：{text}")
    return total + (digit or 0)


def int_to_cn(n: int) -> str:
    """62 -> '六十二', 10 -> '十', 208 -> '二百零八' (the forms used in statute headings)."""
    if not 0 < n < 10000:
        raise ValueError(f"超出范围：{n}")
    names = "零一二三四五六七八九"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if zero and out:
                out += "零"
            out += names[d] + unit
            zero = False
        else:
            zero = bool(out)
    if out.startswith("一十"):
        out = out[1:]
    return out
