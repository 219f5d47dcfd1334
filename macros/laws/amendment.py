"""Old -> new article numbers of a law, derived from the amendment decision that renumbered it,
or, where there is none, from the two versions' texts.

An amendment decision (修改决定) speaks in the OLD article numbers and says only some of the
new ones. Its items have a few forms, all parsed here:

    将第六条改为第八条，第二款修改为：“…”          whole article moved (and amended)
    将第一条修改为：“…” / 将第二条第一款修改为：“…”  amended in place, number implicit
    增加一条，作为第五条：“…”                      article added at a new number
    增加三条，分别作为第四十四条、第四十五条、第四十六条
    将第三十七条第二款和第六条第三款合并，作为第四十二条   paragraphs merged into a new article
    将第三十七条第一款改为第四十三条                  a paragraph split off as a new article
    删去第十条                                    article deleted
    增加一章“…”，作为第六章，……                       chapter added (no numbering effect)

The rule for the articles a decision does not renumber explicitly (the closing sentence
“对条文顺序作相应调整” leaves them implicit): old articles keep their order; each one takes the
first new number after the previous old article's number that is not already taken by an added,
moved or merged article. Explicit numbers must fit that order, or the decision cannot be
mapped and the build stops. An article some of whose 款 are moved into other articles carries
on at its own (explicit or implicit) number if it keeps its 第一款; if its 第一款 is moved too, it
is dissolved into the articles its 款 went to. The old law's article count is what it takes to fill the new
law's articles exactly.

Quoted text (the new wording) is never read for instructions: a quotation may itself contain
“第四十四条…”.

Without a decision, the same table comes from the two versions' texts (compare_texts): each 款 of
the old text is matched to the 款 of the new text it survives in (matching by content, not by
number), and an old article goes where its 款 went — see compare_texts for the rules. Plain
Python, no mkdocs import (DESIGN.md)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..core.cnnum import cn_to_int, int_to_cn
from ..core.errors import ContentError
from ..core.paths import parse_anchor
from .lawlist import LawEntry
from .lawpage import LawPage, normalise_text

_N = "[零〇一二两三四五六七八九十百千]+"
_QUOTED = re.compile(r'["“][^"”\n]*(?:["”]|$)')
_REF = re.compile(rf"(?:将|和)第({_N})条(?:第({_N})款)?")
_ADD = re.compile(rf"增加({_N})条，(?:分别)?作为((?:第{_N}条[、，和]?)+)")
_MERGE = re.compile(rf"将((?:第{_N}条(?:第{_N}款)?和?)+)合并，作为第({_N})条")
_MOVE = re.compile(rf"将第({_N})条(?:第({_N})款)?改为第({_N})条")
_DELETE = re.compile(rf"删去第({_N})条(?!第)")
_ANY_ARTICLE = re.compile(rf"第({_N})条")
_MODIFIES = ("修改", "增加一款", "增加一项", "删去", "合并")


@dataclass
class OldArticle:
    number: int
    new: list[int] = field(default_factory=list)  # new numbers its text went to
    moved_to: int | None = None  # whole-article move stated explicitly
    parts: dict[int, int] = field(default_factory=dict)  # 款 -> new article (merge / split)
    part_items: dict[int, int] = field(default_factory=dict)  # 款 -> the item that moved it
    items: list[int] = field(default_factory=list)  # decision items that touch it
    modified: bool = False
    deleted: bool = False
    continues: int | None = None  # the new article that carries on this one (not a moved 款)

    @property
    def primary(self) -> int | None:
        """Where this article sits in the new order (for placing the implicit ones after it)."""
        if self.continues is not None:
            return self.continues
        return max(self.parts.values()) if self.parts else None


@dataclass
class Renumbering:
    old: list[OldArticle]
    added: dict[int, int]  # new article number -> decision item that added it
    new_count: int

    def sources(self, new_no: int) -> list[tuple[OldArticle, int | None]]:
        """(old article, 款 or None for the whole) whose text went into new article new_no."""
        out: list[tuple[OldArticle, int | None]] = []
        for o in self.old:
            if o.continues == new_no:
                out.append((o, None))
            out += [(o, p) for p, t in sorted(o.parts.items()) if t == new_no]
        return out


def _num(text: str, item: int, where: str) -> int:
    try:
        return cn_to_int(text)
    except ValueError:
        raise ContentError(where, f"条目{int_to_cn(item)}：无法识别的数字“{text}”") from None


def parse_decision(items: list[tuple[int, str]], new_count: int, where: str = "修改决定") -> Renumbering:
    """items: (item number, item text) in order. new_count: articles of the amended law."""
    old: dict[int, OldArticle] = {}
    added: dict[int, int] = {}

    def art(n: int) -> OldArticle:
        return old.setdefault(n, OldArticle(n))

    def touch(o: OldArticle, item: int):
        if item not in o.items:
            o.items.append(item)

    for item, text in items:
        subjects: list[OldArticle] = []
        for line in text.split("\n"):
            line = line.strip()
            if not line or line[0] in '"“':
                continue  # a continued quotation: new wording, not an instruction
            instruction = _QUOTED.sub("", line)
            for seg in re.split("[。；]", instruction):
                if "增加一章" in seg:
                    continue  # a chapter heading; the articles in it are numbered by other items
                rest = seg
                for m in _ADD.finditer(seg):
                    for n in _ANY_ARTICLE.findall(m.group(2)):
                        new_no = _num(n, item, where)
                        if new_no in added:
                            raise ContentError(
                                where,
                                f"条目{int_to_cn(item)}：第{n}条被增加了两次（另见条目{int_to_cn(added[new_no])}）",
                            )
                        added[new_no] = item
                    rest = rest.replace(m.group(0), "")
                for m in _MERGE.finditer(seg):
                    target = _num(m.group(2), item, where)
                    for a, p in re.findall(rf"第({_N})条(?:第({_N})款)?", m.group(1)):
                        o = art(_num(a, item, where))
                        if p:
                            o.parts[_num(p, item, where)] = target
                            o.part_items[_num(p, item, where)] = item
                        else:
                            o.moved_to = target
                        o.modified = True
                        touch(o, item)
                    rest = rest.replace(m.group(0), "")
                for m in _MOVE.finditer(seg):
                    o = art(_num(m.group(1), item, where))
                    target = _num(m.group(3), item, where)
                    if m.group(2):
                        o.parts[_num(m.group(2), item, where)] = target
                        o.part_items[_num(m.group(2), item, where)] = item
                    else:
                        o.moved_to = target
                    touch(o, item)
                for m in _DELETE.finditer(seg):
                    o = art(_num(m.group(1), item, where))
                    o.deleted = True
                    touch(o, item)
                    rest = rest.replace(m.group(0), "")
                refs = [art(_num(m.group(1), item, where)) for m in _REF.finditer(rest)]
                if refs:
                    subjects = refs
                rest = _REF.sub("", _MOVE.sub("", rest))
                left = _ANY_ARTICLE.search(rest)
                if left:
                    raise ContentError(
                        where,
                        f"条目{int_to_cn(item)}：看不懂“{seg}”中的“{left.group(0)}”，"
                        "请核对决定原文，或在 macros/amendment.py 中补充这种写法",
                    )
                for o in subjects:
                    touch(o, item)
                    if any(k in seg for k in _MODIFIES):
                        o.modified = True
    return _assign(old, added, new_count, where)


def _assign(old: dict[int, OldArticle], added: dict[int, int], new_count: int, where: str) -> Renumbering:
    taken = set(added)
    for o in old.values():
        if o.moved_to is not None:
            taken.add(o.moved_to)
        taken.update(o.parts.values())
    result: list[OldArticle] = []
    last, n = 0, 0
    covered = set(added)
    while True:
        n += 1
        if n > 1000:
            raise ContentError(where, f"无法把旧条文排进新法的 {new_count} 条，请核对决定")
        o = old.get(n, OldArticle(n))
        if not o.deleted:
            if o.moved_to is not None:
                if o.moved_to <= last:
                    raise ContentError(
                        where,
                        f"第{int_to_cn(n)}条改为第{int_to_cn(o.moved_to)}条，"
                        f"但前一条已排到第{int_to_cn(last)}条：条号顺序矛盾",
                    )
                o.continues = o.moved_to
            elif 1 not in o.parts:
                # an article that keeps its first 款 carries on at the next free number;
                # one whose first 款 went elsewhere is dissolved into the articles it went to
                nxt = last + 1
                while nxt in taken:
                    nxt += 1
                o.continues = nxt
                taken.add(nxt)
            o.new = sorted({*([o.continues] if o.continues else []), *o.parts.values()})
            last = max(last, o.primary or 0)
        covered.update(o.new)
        result.append(o)
        if covered >= set(range(1, new_count + 1)) and n >= max(old, default=0):
            break
    if max(covered) != new_count or len(covered) != new_count:
        raise ContentError(where, f"按决定推算出新法共 {max(covered)} 条，与新法页面的 {new_count} 条不符")
    return Renumbering(result, added, new_count)


# ---------------------------------------------------------------- from two texts

_ITEM = re.compile(r"^（[一二三四五六七八九十]+）")
# how alike two 款 must be to be the same 款 (difflib ratio), and, for a 款 rewritten beyond
# that, how much of its wording (character pairs) must reappear in an otherwise unmatched 款
SAME_PARAGRAPH = 0.5
REWRITTEN_PARAGRAPH = 0.3


def paragraphs(text: str) -> list[str]:
    """An article's 款: its lines, each 项 （一）（二） kept with the 款 it belongs to."""
    out: list[str] = []
    for line in text.split("\n"):
        if _ITEM.match(line) and out:
            out[-1] += "\n" + line
        elif line.strip():
            out.append(line)
    return out


def _plain(text: str) -> str:
    return normalise_text(text).replace('"', "“")


def _pairs(text: str) -> set[str]:
    t = _plain(text)
    return {t[k : k + 2] for k in range(len(t) - 1)}


def compare_texts(old: list[tuple[int, str]], new: list[tuple[int, str]], where: str = "新旧文本") -> Renumbering:
    """Old -> new numbering from the two versions' texts. old, new: (article number, text), in order.

    1. Each 款 of the old text is matched to the most alike 款 of the new text (difflib ratio at
       least SAME_PARAGRAPH; the best pairs first, each 款 used once).
    2. An old 款 left over (rewritten) goes to a left-over 款 of a new article that holds other
       old text, if at least REWRITTEN_PARAGRAPH of its character pairs reappear there; an old
       article none of whose 款 matched goes to a wholly new article between its neighbours'
       new places, if the two are that alike as a whole.
    3. An old article carries on at the new article that holds its 第一款, unless that article
       comes after one its other 款 went to; those other 款 are moved (并入) to the articles
       that hold them. An article whose 第一款 went behind the rest of it, or did not survive, is
       split (拆分) into the articles its 款 went to; one none of whose text survives is deleted
       (删去).
    4. A new article with no old 款 in it is new (新增). An old article is modified unless its
       text is the new article's text (a changed article number it cites is a change, as a
       修改决定 lists it: 将第十九条中的“第十五条”修改为“第十八条”).

    Raises ContentError if the result does not fill the new text's articles."""
    old_p = {n: paragraphs(t) for n, t in old}
    new_p = {n: paragraphs(t) for n, t in new}
    candidates = []
    for on, ops in old_p.items():
        for i, op in enumerate(ops, start=1):
            a = _plain(op)
            for nn, nps in new_p.items():
                for j, np_ in enumerate(nps, start=1):
                    sm = difflib.SequenceMatcher(None, a, _plain(np_), autojunk=False)
                    if sm.real_quick_ratio() < SAME_PARAGRAPH or sm.quick_ratio() < SAME_PARAGRAPH:
                        continue
                    r = sm.ratio()
                    if r >= SAME_PARAGRAPH:
                        candidates.append((r, -abs(on - nn), on, i, nn, j))
    candidates.sort(reverse=True)
    match: dict[tuple[int, int], tuple[int, int]] = {}
    used: set[tuple[int, int]] = set()
    for _, _, on, i, nn, j in candidates:
        if (on, i) not in match and (nn, j) not in used:
            match[(on, i)] = (nn, j)
            used.add((nn, j))

    # 2. rewritten 款, and rewritten articles
    keeps_old = {nn for nn, _ in used}
    free = [
        (nn, j) for nn, nps in new_p.items() if nn in keeps_old for j in range(1, len(nps) + 1) if (nn, j) not in used
    ]
    for on, ops in old_p.items():
        for i, op in enumerate(ops, start=1):
            if (on, i) in match or not free:
                continue
            pairs = _pairs(op)
            score, nn, j = max((len(pairs & _pairs(new_p[n][k - 1])) / max(len(pairs), 1), n, k) for n, k in free)
            if score >= REWRITTEN_PARAGRAPH:
                match[(on, i)] = (nn, j)
                used.add((nn, j))
                free.remove((nn, j))
    for on in old_p:
        if any((on, i) in match for i in range(1, len(old_p[on]) + 1)):
            continue
        lo = max((nn for (o, _), (nn, _) in match.items() if o < on), default=0)
        hi = min((nn for (o, _), (nn, _) in match.items() if o > on), default=max(new_p) + 1)
        whole = "\n".join(old_p[on])
        best = max(
            (
                (difflib.SequenceMatcher(None, _plain(whole), _plain("\n".join(new_p[nn])), autojunk=False).ratio(), nn)
                for nn in new_p
                if lo < nn < hi and not any((nn, j) in used for j in range(1, len(new_p[nn]) + 1))
            ),
            default=(0.0, 0),
        )
        if best[0] >= REWRITTEN_PARAGRAPH:
            match[(on, 1)] = (best[1], 1)
            used.add((best[1], 1))

    # 3. where each old article went
    result: list[OldArticle] = []
    for on, ops in old_p.items():
        o = OldArticle(on)
        targets = {i: match[(on, i)][0] for i in range(1, len(ops) + 1) if (on, i) in match}
        counts: dict[int, int] = {}
        for t in targets.values():
            counts[t] = counts.get(t, 0) + 1
        first = targets.get(1)
        if not targets:
            o.deleted = True
        elif len(counts) == 1:
            o.continues = next(iter(counts))
        elif first is not None and first < min(t for t in targets.values() if t != first):
            o.continues = first
            o.parts = {i: t for i, t in targets.items() if t != first}
        else:
            o.parts = dict(targets)
        o.new = sorted({*([o.continues] if o.continues else []), *o.parts.values()})
        result.append(o)

    # 4. new articles, and what changed
    covered = {n for o in result for n in o.new}
    added = {nn: 0 for nn in new_p if nn not in covered}
    new_text = dict(new)
    old_text = dict(old)
    for o in result:
        if o.deleted or o.parts:
            o.modified = True
        elif o.continues is not None:
            o.modified = _plain(old_text[o.number]) != _plain(new_text[o.continues])
    if covered | set(added) != set(new_p):
        raise ContentError(where, "按新旧文本比对推算出的新条号超出了新文本的条文范围")
    return Renumbering(result, added, len(new_p))


# ---------------------------------------------------------------- site data and rendering


@dataclass
class Amendment:
    decision: LawEntry | None  # the decision's law-list entry; None: derived from two texts
    law_id: str  # the amended law's page id
    renumbering: Renumbering
    year: str  # of the amendment: 2025
    previous: str | None = None  # from two texts: the earlier version, as the law list names it

    @property
    def table_page(self) -> str:
        """The page that shows renumbering_table (docs-relative)."""
        return f"laws/{self.law_id}-renumbering.md"


def load_amendment(decision: LawEntry, page: LawPage, law_page: LawPage) -> Amendment:
    """The renumbering a decision (its law page) makes of the law it amends (that law's page)."""
    assert decision.amends is not None
    items = [(a.anchor_number, a.text) for a in page.articles]
    new_count = len(law_page.articles)
    return Amendment(
        decision, decision.amends, parse_decision(items, new_count, str(page.path)), year=decision.adopted[:4]
    )


def load_text_amendment(entry: LawEntry, previous: list[tuple[int, str]], law_page: LawPage, where: str) -> Amendment:
    """The renumbering between a law's previous version (its text) and its page, by content."""
    assert entry.previous is not None
    current = [(a.anchor_number, a.text) for a in law_page.articles]
    return Amendment(
        None, entry.id, compare_texts(previous, current, where), year=entry.version[:4], previous=entry.previous.version
    )


def _rel(target_page: str, from_dir: str) -> str:
    from posixpath import relpath

    return relpath(target_page, from_dir or ".")


def _item_links(a: Amendment, items: list[int], from_dir: str) -> str:
    if a.decision is None:
        return ""
    href = _rel(a.decision.page, from_dir)
    return "、".join(f"[条目{int_to_cn(i)}]({href}#art-{i})" for i in items)


def _cn(n: int) -> str:
    return f"第{int_to_cn(n)}条"


def history_note(a: Amendment, new_no: int, from_dir: str = "laws") -> str:
    """One line on where article new_no of the current law came from."""
    r = a.renumbering
    y = a.year
    if new_no in r.added:
        links = _item_links(a, [r.added[new_no]], from_dir)
        return f"沿革：{y}年修改时新增" + (f"（{links}）" if links else "") + "。"
    sources = r.sources(new_no)
    if not sources:
        return ""
    table = _rel(a.table_page, from_dir)
    names = "、".join(
        f"[原{_cn(o.number)}]({table}#old-{o.number})" + (f"第{int_to_cn(p)}款" if p else "") for o, p in sources
    )
    items = sorted({i for o, p in sources for i in (o.items if p is None else [o.part_items.get(p)]) if i is not None})
    if len(sources) > 1:
        what = f"由{names}合并而成，{y}年修改"
    elif sources[0][1] is not None:
        what = f"{names}，{y}年修改时单独成条"
    elif sources[0][0].modified:
        what = f"{names}，{y}年修改"
    elif sources[0][0].number != new_no:
        what = f"{names}，{y}年修改时只调整了条文序号，内容未变"
    else:
        what = f"{names}，{y}年修改未涉及本条"
    return f"沿革：{what}" + (f"（{_item_links(a, items, from_dir)}）" if items else "") + "。"


def renumbering_table(a: Amendment, from_dir: str) -> str:
    """Markdown table: every old article, its new number(s), what happened, which items."""
    law = _rel(f"laws/{a.law_id}.md", from_dir)
    basis = a.decision is not None  # from two texts there are no decision items to cite
    rows = (
        ["| 原条号（修改前） | 现条号（" + a.year + "年修改后） | 变化 | 依据 |", "|---|---|---|---|"]
        if basis
        else ["| 原条号（修改前） | 现条号（" + a.year + "年修改后） | 变化 |", "|---|---|---|"]
    )
    for o in a.renumbering.old:
        new = "、".join(f"[{_cn(n)}]({law}#art-{n})" for n in o.new) or "—"
        if o.deleted:
            change = "删去"
        elif o.parts and o.continues is not None:
            change = "修改；" + "，".join(f"第{int_to_cn(p)}款并入{_cn(t)}" for p, t in sorted(o.parts.items()))
        elif o.parts:
            change = "拆分：" + "，".join(f"第{int_to_cn(p)}款改入{_cn(t)}" for p, t in sorted(o.parts.items()))
        elif o.modified:
            change = "修改"
        else:
            change = "未修改" if o.new == [o.number] else "内容未变，序号调整"
        row = f'| <span id="old-{o.number}"></span>原{_cn(o.number)} | {new} | {change} |'
        rows.append(row + (f" {_item_links(a, o.items, from_dir) or '—'} |" if basis else ""))
    return "\n".join(rows)


def added_table(a: Amendment, from_dir: str) -> str:
    law = _rel(f"laws/{a.law_id}.md", from_dir)
    if a.decision is None:
        rows = ["| 新增条文 |", "|---|"]
        rows += [f"| [{_cn(n)}]({law}#art-{n}) |" for n in sorted(a.renumbering.added)]
        return "\n".join(rows)
    rows = ["| 新增条文 | 依据 |", "|---|---|"]
    for n, item in sorted(a.renumbering.added.items()):
        rows.append(f"| [{_cn(n)}]({law}#art-{n}) | {_item_links(a, [item], from_dir)} |")
    return "\n".join(rows)


def item_note(a: Amendment, item: int, from_dir: str = "laws") -> str:
    """Under a decision item: the old and new articles it concerns."""
    law = _rel(f"laws/{a.law_id}.md", from_dir)
    parts = []
    for o in a.renumbering.old:
        if item in o.items:
            new = "、".join(f"[现{_cn(n)}]({law}#art-{n})" for n in o.new) or "已删去"
            parts.append(f"原{_cn(o.number)} → {new}")
    for n, i in sorted(a.renumbering.added.items()):
        if i == item:
            parts.append(f"新增 [现{_cn(n)}]({law}#art-{n})")
    return ("本项涉及：" + "；".join(parts) + "。") if parts else ""


def article_blocks(amendments: dict):
    """An ARTICLE_BLOCK_PROVIDERS function: the 沿革 note under each article of an amended law,
    and under each item of the decision the articles it touched. amendments: law id -> Amendment."""
    by_decision = {a.decision.id: a for a in amendments.values() if a.decision is not None}

    def amendment_blocks(law_id: str, anchor: str) -> list[str]:
        parsed = parse_anchor(anchor)
        if parsed is None or parsed[1] is not None:
            return []
        n = parsed[0]
        if law_id in amendments:
            note = history_note(amendments[law_id], n)
        elif law_id in by_decision:
            note = item_note(by_decision[law_id], n)
        else:
            return []
        return [note + "\n{: .article-history }"] if note else []

    return amendment_blocks
