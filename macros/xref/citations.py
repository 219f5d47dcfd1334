"""Recognises article citations in ordinary Chinese text, the way legal documents write them:

    《中华人民共和国土地管理法》第六十二条      《土地管理法》第62条
    土地管理法第六十二条第四款                  《农村土地承包法》第二十七条、第二十八条
    《农村土地承包法》第二十七条至第三十条      本法第四十四条 (on a law page only)

A citation is a law reference followed at once by one or more article references. A law named in
《》 that the site does not carry is still recognised (law_id None) so it can be reported; a bare
law name is recognised only when it is one of the registry's aliases. A bare 第三条 with no law
named is never a citation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.cnnum import CN_NUMERAL_CHARS, cn_to_int

_NUM = rf"[{CN_NUMERAL_CHARS}0-9０-９]+"
_SP = r"[ \t\u3000]*"
# one article reference: 第六十二条[之一][第四款][第（三）项]
_ARTICLE = (
    rf"第{_SP}(?P<n>{_NUM}){_SP}条(?:{_SP}之{_SP}(?P<sub>{_NUM}))?"
    rf"(?:{_SP}第{_SP}{_NUM}{_SP}款)?"
    rf"(?:{_SP}第{_SP}[（(]?{_NUM}[）)]?{_SP}项)?"
)
_ARTICLE_RE = re.compile(_ARTICLE)
_JOINERS = r"、|和|及|以及|与|或者|或|至|到|～|—"
_RANGE_WORDS = {"至", "到", "～", "—"}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass
class ArticleRef:
    start: int  # offsets of this 第N条… segment in the text
    end: int
    n: int
    sub: int | None
    text: str


@dataclass
class Citation:
    start: int  # offsets of the whole citation (law name included)
    end: int
    text: str
    law_name: str  # as written, without 《》 ('本法' for self-references)
    law_id: str | None  # None: a law the registry does not have
    refs: list[ArticleRef] = field(default_factory=list)
    ranges: list[tuple[int, int]] = field(default_factory=list)  # (from n, to n) for 至

    def article_numbers(self) -> list[tuple[int, int | None]]:
        """Every (n, sub) cited, ranges expanded."""
        out = [(r.n, r.sub) for r in self.refs]
        for a, b in self.ranges:
            out += [(n, None) for n in range(a + 1, b)]
        return sorted(set(out), key=lambda x: (x[0], x[1] or 0))


def _to_int(num: str) -> int:
    num = num.translate(_FULLWIDTH)
    return int(num) if num.isdigit() else cn_to_int(num)


class CitationFinder:
    """Compiled once per build from the registry's aliases."""

    def __init__(self, aliases: dict[str, str]):
        self.aliases = aliases
        names = sorted(aliases, key=len, reverse=True)  # longest first: 农村土地承包法 before 承包法
        bare = "|".join(re.escape(n) for n in names) or r"(?!x)x"
        self._law = re.compile(rf"《(?P<quoted>[^《》\n]{{1,60}})》|(?P<self>本法)|(?P<bare>{bare})")
        self._lead = re.compile(rf"{_SP}(?:的{_SP})?(?={_ARTICLE})")
        self._more = re.compile(rf"{_SP}(?P<joiner>{_JOINERS}){_SP}(?={_ARTICLE})")

    def find(self, text: str, current_law_id: str | None = None) -> list[Citation]:
        found: list[Citation] = []
        pos = 0
        while True:
            m = self._law.search(text, pos)
            if not m:
                return found
            lead = self._lead.match(text, m.end())
            if not lead:
                pos = m.start() + 1
                continue
            if m.group("quoted") is not None:
                name = m.group("quoted").strip()
                law_id = self.aliases.get(re.sub(r"\s+", "", name))
            elif m.group("self") is not None:
                if current_law_id is None:  # 本法 outside a law page names no law
                    pos = m.end()
                    continue
                name, law_id = "本法", current_law_id
            else:
                name = m.group("bare")
                law_id = self.aliases[name]
            cit = Citation(m.start(), m.end(), "", name, law_id)
            at = lead.end()
            joiner = None
            while True:
                a = _ARTICLE_RE.match(text, at)
                if a is None:  # the lead and joiner patterns look ahead for an article
                    break
                try:
                    ref = ArticleRef(
                        a.start(),
                        a.end(),
                        _to_int(a.group("n")),
                        _to_int(a.group("sub")) if a.group("sub") else None,
                        a.group(0),
                    )
                except ValueError:
                    break
                if joiner in _RANGE_WORDS and cit.refs and ref.n > cit.refs[-1].n:
                    cit.ranges.append((cit.refs[-1].n, ref.n))
                cit.refs.append(ref)
                at = a.end()
                nxt = self._more.match(text, at)
                if not nxt:
                    break
                joiner, at = nxt.group("joiner"), nxt.end()
            if not cit.refs:
                pos = m.start() + 1
                continue
            cit.end = cit.refs[-1].end
            cit.text = text[cit.start : cit.end]
            found.append(cit)
            pos = cit.end
