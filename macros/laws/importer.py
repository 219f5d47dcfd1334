"""Law pages from the law model (macros/laws/sources/): one Markdown page per law of the law
list (one per part for a law split into 编), every article a heading with its anchor; and the
check that pages on disk still say exactly what their source says. The command line is
macros/cli/lawimport.py (make import-laws, make check-laws)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import yaml

from ..core.cnnum import cn_to_int, int_to_cn
from ..core.errors import ContentError
from ..core.pagemeta import UNREVIEWED
from .lawlist import LawEntry, LawPart
from .lawpage import LawPage, normalise_text
from .sources import SourceArticle, SourceLaw

GENERATED = "# 本页由本站导入程序（make import-laws）生成，请勿手工修改条文。"


# Only characters Python-Markdown knows how to unescape; '<' and '&' become entities instead.
_ESCAPE = re.compile(r"([\\`*_\[\]{}])")
_LINE_START = re.compile(r"^(#|>|[-+]|\d+(?=[.)]))")


def escape_markdown(line: str) -> str:
    """Escape a line of statute text so Markdown renders it literally."""
    line = line.replace("&", "&amp;").replace("<", "&lt;")
    line = _ESCAPE.sub(r"\\\1", line)
    m = _LINE_START.match(line)
    if m:
        token = m.group(1)
        line = (token + "\\" + line[len(token) :]) if token[0].isdigit() else "\\" + line
    return line


def _ordinal(heading: str, kind: str) -> int | None:
    m = re.match(rf"第(.+?){kind}", heading)
    try:
        return cn_to_int(m.group(1)) if m else None
    except ValueError:
        return None


def _law_meta(entry: LawEntry, law: SourceLaw) -> dict:
    return {
        "id": entry.id,
        "name": entry.name,
        "short_names": entry.short_names,
        "version": entry.version,
        "adopted": entry.adopted,
        "effective": entry.effective,
        "status": entry.status,
        "level": entry.level,
        **({"region": entry.region} if entry.region else {}),
        **({"issuer": entry.issuer} if entry.issuer else {}),
        "reviewed": entry.reviewed,
        "source": law.source,
        "articles": len(law.articles),
    }


def _front_matter(meta: dict) -> list[str]:
    return [
        "---",
        GENERATED,
        yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).rstrip(),
        "---",
        "",
    ]


def _info_box(entry: LawEntry, law: SourceLaw, extra: tuple[str, ...] = (), note: str | None = None) -> list[str]:
    level = entry.level + (f"（{entry.region}）" if entry.region else "")
    status = (
        entry.status
        if entry.reviewed
        else f"{UNREVIEWED}（本站编辑还没有把本页的版本、日期和状态与制定机关公布的文本核对过，使用前请核实）"
    )
    out = [
        '!!! info "版本与来源"',
        "",
        f"    - **效力级别**：{level}",
        *([f"    - **制定机关**：{entry.issuer}"] if entry.issuer else []),
        f"    - **版本**：{entry.version}",
        f"    - **施行日期**：{entry.effective}",
        f"    - **状态**：{status}",
        f"    - **条文数**：{len(law.articles)} 条",
        *extra,
        f"    - **文本来源**：{law.source_note}",
    ]
    if entry.history:
        out.append(f"    - **沿革**：{'；'.join(entry.history)}")
    for n in (entry.note, note):
        if n:
            out += ["", f"    {n}"]
    out.append("")
    return out


def _article_lines(articles: list[SourceArticle], carried_chapter: str | None = None) -> list[str]:
    """Headings and text of the articles. `carried_chapter` is the chapter of the article before
    the first one (on an earlier page): a chapter never spans two pages, so the first articles
    of a page that the source still files under it get no chapter heading (民法典 附则)."""
    out: list[str] = []
    chapter, section, in_chapter = carried_chapter, None, False
    used_ids: set[str] = set()

    def heading_id(base: str) -> str:
        # 民法典 restarts chapter numbering in every 编; keep ids unique all the same
        candidate, k = base, 2
        while candidate in used_ids:
            candidate, k = f"{base}-{k}", k + 1
        used_ids.add(candidate)
        return candidate

    for art in articles:
        for part in art.parts:
            # a 编 (or 附则) of a split law is a page of its own, titled with its name (LawPart):
            # only a 分编 is a heading within the page, above its first chapter
            if "分编" in part:
                n = _ordinal(part, "分编")
                out += [f"## {part} {{#{heading_id(f'subpart-{n}' if n else 'subpart')}}}", ""]
                chapter = None
        if art.chapter != chapter:
            chapter, section, in_chapter = art.chapter, None, bool(art.chapter)
            if chapter:
                n = _ordinal(chapter, "章")
                out += [f"## {chapter} {{#{heading_id(f'chapter-{n}' if n else 'chapter')}}}", ""]
        if in_chapter and art.section != section:
            section = art.section
            if section:
                c, s = _ordinal(chapter or "", "章"), _ordinal(section, "节")
                out += [f"### {section} {{#{heading_id(f'chapter-{c}-section-{s}')}}}", ""]
        # one level under the nearest heading above it: chapter (h2), then section (h3) if any
        level = 2 + (1 if in_chapter else 0) + (1 if in_chapter and section else 0)
        out += [f"{'#' * level} {art.number} {{#{art.anchor}}}", ""]
        for line in art.text.split("\n"):
            line = line.strip()
            if line:
                out += [escape_markdown(line), ""]
    return out


def render_law_page(entry: LawEntry, law: SourceLaw) -> str:
    """The page of a law that is not split: metadata, info box, every article."""
    out = _front_matter({"title": entry.name, "law": _law_meta(entry, law)})
    out += [f"# {entry.name}", ""] + _info_box(entry, law) + _article_lines(law.articles)
    return "\n".join(out).rstrip() + "\n"


def article_number(anchor: str) -> int:
    """art-62 -> 62; art-120-1 (第一百二十条之一) -> 120."""
    return int(anchor.split("-")[1])


@dataclass
class PartSlice:
    part: LawPart
    articles: list[SourceArticle]
    carried_chapter: str | None  # chapter of the article before the part

    @property
    def first(self) -> int:
        return article_number(self.articles[0].anchor)

    @property
    def last(self) -> int:
        return article_number(self.articles[-1].anchor)


def split_parts(entry: LawEntry, law: SourceLaw) -> list[PartSlice]:
    """The law's articles cut at the reviewed part boundaries, checked against the source:
    wherever the source starts its chapter numbering again (第一章 after another chapter) a new
    part must start, and a part marked boundary_in_source must start there."""
    where = f"data/laws.yaml（{entry.name}）"
    numbers = [article_number(a.anchor) for a in law.articles]
    restarts = set()
    for prev, art in pairwise(law.articles):
        if art.chapter and art.chapter != prev.chapter and _ordinal(art.chapter, "章") == 1:
            restarts.add(article_number(art.anchor))
    starts = [p.first for p in entry.parts]
    if starts[0] != numbers[0]:
        raise ContentError(where, f"第一部分应从第 {numbers[0]} 条开始，清单写的是第 {starts[0]} 条")
    slices = []
    for i, part in enumerate(entry.parts):
        end = entry.parts[i + 1].first if i + 1 < len(entry.parts) else None
        idx = [k for k, n in enumerate(numbers) if n >= part.first and (end is None or n < end)]
        if not idx:
            raise ContentError(where, f"部分“{part.name}”（从第 {part.first} 条起）一条条文也没有")
        if i and part.boundary_in_source and part.first not in restarts:
            raise ContentError(
                where,
                f"部分“{part.name}”从第 {part.first} 条开始，但数据库在这里没有重新从“第一章”编章；请核对起始条号，"
                "确属数据库没有标记的分界时写 boundary_in_source: false",
            )
        carried = law.articles[idx[0] - 1].chapter if idx[0] else None
        slices.append(PartSlice(part, [law.articles[k] for k in idx], carried))
    for n in sorted(restarts - set(starts)):
        raise ContentError(
            where, f"数据库在第 {n} 条重新从“第一章”编章，说明这里是新的一编，但 parts 里没有从第 {n} 条开始的部分"
        )
    return slices


def _range(first: int, last: int) -> str:
    return f"第{int_to_cn(first)}条至第{int_to_cn(last)}条"


def render_part_page(entry: LawEntry, law: SourceLaw, part: PartSlice) -> str:
    meta = _law_meta(entry, law)
    meta["part"] = {
        "id": part.part.id,
        "name": part.part.name,
        "first": part.first,
        "last": part.last,
        "articles": len(part.articles),
    }
    out = _front_matter({"title": f"{entry.name_short} {part.part.name}", "law": meta})
    out += [f"# {entry.name_short} {part.part.name}", ""]
    out += _info_box(
        entry,
        law,
        extra=(
            f"    - **本页**：{part.part.name}，{_range(part.first, part.last)}，共 {len(part.articles)} 条"
            f"（其他各编见[{entry.name_short}目录](index.md)）",
        ),
        note=part.part.note,
    )
    out += _article_lines(part.articles, part.carried_chapter)
    return "\n".join(out).rstrip() + "\n"


def render_law_index(entry: LawEntry, law: SourceLaw, parts: list[PartSlice]) -> str:
    """The entry page of a split law: metadata, and each part with its article range and chapters."""
    meta = _law_meta(entry, law)
    meta["parts"] = [
        {
            "id": p.part.id,
            "name": p.part.name,
            "first": p.first,
            "last": p.last,
            "articles": len(p.articles),
            "page": entry.part_page(p.part),
        }
        for p in parts
    ]
    out = _front_matter({"title": entry.name, "law": meta})
    out += [f"# {entry.name}", ""] + _info_box(entry, law)
    out += [
        f"本法共 {len(law.articles)} 条，分 {len(parts)} 个部分，每部分一页。"
        f"每一条的链接形如 `{entry.part_page(parts[-1].part).removeprefix('laws/')}#art-{parts[-1].last}`。",
        "",
    ]
    out += ["| 部分 | 条文 | 条数 |", "| --- | --- | ---: |"]
    for p in parts:
        out.append(f"| [{p.part.name}]({p.part.id}.md) | {_range(p.first, p.last)} | {len(p.articles)} |")
    out.append("")
    for p in parts:
        out += [f"## {p.part.name}", ""]
        chapters, seen = [], {p.carried_chapter}
        for a in p.articles:
            if a.chapter and a.chapter not in seen:
                seen.add(a.chapter)
                chapters.append((a.chapter, a.anchor))
        if chapters:
            out += [f"- [{c}]({p.part.id}.md#{anchor})" for c, anchor in chapters]
        else:
            out.append(f"- [{_range(p.first, p.last)}]({p.part.id}.md#art-{p.first})")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_nav(entry: LawEntry) -> str:
    """awesome-nav file of a split law's folder: the entry page, then the parts in order."""
    lines = ["# 由本站导入程序（make import-laws）生成", f"title: {entry.name_short}", "nav:", "  - index.md"]
    lines += [f'  - "{p.name}": {p.id}.md' for p in entry.parts]
    return "\n".join(lines) + "\n"


def render_pages(entry: LawEntry, law: SourceLaw) -> dict[str, str]:
    """Every file the importer writes for a law: path relative to docs/ -> text."""
    if not entry.parts:
        return {entry.page: render_law_page(entry, law)}
    parts = split_parts(entry, law)
    pages = {entry.page: render_law_index(entry, law, parts)}
    for p in parts:
        pages[entry.part_page(p.part)] = render_part_page(entry, law, p)
    pages[f"laws/{entry.id}/.nav.yml"] = render_nav(entry)
    return pages


def compare_page(rel: str, page: LawPage | None, law: SourceLaw) -> list[str]:
    """Differences between a law page on disk (None: missing) and its source, as Chinese lines."""
    shown = f"docs/{rel}"
    if page is None:
        return [f"{shown}：页面不存在"]
    problems = []
    want = {a.anchor: a for a in law.articles}
    got = {a.anchor: a for a in page.articles}
    for anchor in want.keys() - got.keys():
        problems.append(f"{shown}：缺少 {want[anchor].number}（#{anchor}）")
    for anchor in got.keys() - want.keys():
        problems.append(f"{shown}：多出来源中没有的 {got[anchor].number}（#{anchor}）")
    for anchor in want.keys() & got.keys():
        if normalise_text(want[anchor].text) != normalise_text(got[anchor].text):
            problems.append(f"{shown}：{want[anchor].number} 的条文与来源不一致")
    if [a.anchor for a in page.articles] != [a.anchor for a in law.articles if a.anchor in got]:
        problems.append(f"{shown}：条文顺序与来源不一致")
    return problems


def check_law(pages: dict[str, LawPage], entry: LawEntry, law: SourceLaw) -> list[str]:
    """Differences between all of a law's pages (docs-relative path → parsed page) and its source."""
    if not entry.parts:
        return compare_page(entry.page, pages.get(entry.page), law)
    problems = [] if entry.page in pages else [f"docs/{entry.page}：目录页不存在"]
    for p in split_parts(entry, law):
        rel = entry.part_page(p.part)
        problems += compare_page(rel, pages.get(rel), SourceLaw(law.law_id, law.name, p.articles))
    return problems
