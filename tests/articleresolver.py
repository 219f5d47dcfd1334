"""A small stand-in resolver for plain citations (《土地管理法》第六十二条、第六十三条), used by the
reception tests until the lead's citation engine (issue 3) replaces it. It knows the registry
laws by the short names on their pages and answers: which articles does a text cite, and do they
exist on the law's pages."""
from __future__ import annotations

import re
from pathlib import Path

from macros.cnnum import CN_NUMERAL_CHARS, cn_to_int
from macros.lawlist import load_law_list
from macros.lawpage import parse_law_page

ROOT = Path(__file__).resolve().parent.parent


def registry() -> dict[str, set[int]]:
    """Every name a law is cited by (full and short) -> article numbers it has."""
    names: dict[str, set[int]] = {}
    for entry in load_law_list():
        numbers = {int(a.anchor.split("-")[1]) for rel in entry.article_pages
                   for a in parse_law_page(ROOT / "docs" / rel).articles}
        for name in (entry.name, *entry.short_names):
            names[name] = numbers
    return names


_NUM = f"[{CN_NUMERAL_CHARS}0-9]+"
_CITATION = re.compile(rf"《([^》]+)》((?:第{_NUM}条(?:[、至和及]|(?=第)))*第{_NUM}条)")


def citations(text: str, laws: dict[str, set[int]]) -> list[tuple[str, int, bool]]:
    """(law name, article number, exists) for every article of a registry law cited in text."""
    found = []
    for m in _CITATION.finditer(text):
        name = m.group(1)
        if name not in laws:
            continue  # a rule without a full text here (信访工作条例): not the registry's business
        nums = [cn_to_int(n) for n in re.findall(rf"第({_NUM})条", m.group(2))]
        for n in nums:
            found.append((name, n, n in laws[name]))
    return found
