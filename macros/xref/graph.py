"""The citation graph: which page cites which article, and which article is cited by which page,
built by scanning every Markdown page (and data files that feed pages) at build start, so that
a law page can list its backlinks whatever order pages are rendered in.

Scanning also checks: citing a carried law with an article it does not have is an error (file,
line, citation); citing a law the site does not carry is recorded for the report page."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import ContentError
from ..core.frontmatter import body_of
from ..laws.registry import Law, LawRegistry
from .citations import Citation, CitationFinder
from .quotations import BASIS_HEADINGS, basis_items, mismatch_message, quotation_after, quoted_in

# Page kinds for grouping backlinks, by the first folder under docs/.
KINDS = {"reception": "接待话术", "templates": "公文模板", "training": "培训与测验"}
OTHER_KIND = "其他"
KIND_ORDER = [*KINDS.values(), OTHER_KIND]

_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def page_kind(rel: str) -> str:
    return KINDS.get(rel.split("/", 1)[0], OTHER_KIND)


@dataclass(frozen=True)
class TextSource:
    """Text that ends up on a page: a paragraph, list item or table row of a Markdown file
    (its lines joined, so a citation or quotation may wrap), or a line of a data file."""

    page: str  # docs-relative path of the page that shows it
    file: str  # the file to name in an error message
    line: int | None
    text: str
    breaks: tuple[int, ...] = ()  # offsets in `text` where the 2nd, 3rd … source line begins

    def line_at(self, offset: int) -> int | None:
        """The source line holding the character at `offset`."""
        if self.line is None:
            return None
        return self.line + sum(1 for b in self.breaks if b <= offset)


@dataclass(frozen=True)
class Use:
    page: str
    file: str
    line: int | None
    citation: str
    law_id: str
    anchor: str


@dataclass
class CitationGraph:
    uses: list[Use] = field(default_factory=list)
    unknown: list[tuple[str, str, int | None, str]] = field(default_factory=list)  # page, file, line, text
    # quotations of laws the site does not carry: page, file, line, citation, quoted words
    unverified: list[tuple[str, str, int | None, str, str]] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # page -> title
    _citing: tuple | None = field(default=None, repr=False, compare=False)  # (len(uses), by_article())

    def pages_citing(self, law_id: str, anchor: str) -> list[str]:
        # asked once per article of every law page: look it up, never scan all uses each time
        if self._citing is None or self._citing[0] != len(self.uses):
            self._citing = (len(self.uses), self.by_article())
        return list(self._citing[1].get((law_id, anchor), []))

    def by_article(self) -> dict[tuple[str, str], list[str]]:
        out: dict[tuple[str, str], list[str]] = defaultdict(list)
        for u in self.uses:
            if u.page not in out[(u.law_id, u.anchor)]:
                out[(u.law_id, u.anchor)].append(u.page)
        return out

    def by_page(self) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for u in self.uses:
            if (u.law_id, u.anchor) not in out[u.page]:
                out[u.page].append((u.law_id, u.anchor))
        return out


_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|\||!!!|\?\?\?|<)")


def markdown_sources(path: Path, rel: str, text: str) -> list[TextSource]:
    """The citable blocks of a Markdown page (front matter and code left out): each paragraph,
    list item, heading and table row, its wrapped lines joined (Chinese text wraps without a
    space), remembering where each line begins so that errors name the right line."""
    body, first = body_of(text)
    sources: list[TextSource] = []
    block: list[tuple[int, str]] = []  # (line number, stripped text)

    def flush():
        if block:
            joined, breaks = "", []
            for k, (_, part) in enumerate(block):
                if k:
                    breaks.append(len(joined))
                joined += part
            if "第" in joined:
                sources.append(TextSource(rel, str(path), block[0][0], joined, tuple(breaks)))
            block.clear()

    in_fence = False
    for i, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not line.strip():
            flush()
            continue
        if _BLOCK_START.match(line):
            flush()
        block.append((first + i, _INLINE_CODE.sub("", line.strip())))
        if line.lstrip().startswith(("#", "|")):
            flush()
    flush()
    return sources


def data_file_sources(path: Path, page: str, text: str) -> list[TextSource]:
    """The lines of a data file (YAML) whose text ends up on `page`, for citation scanning:
    an error then names the data file and its line, where the editor must fix it."""
    return [TextSource(page, str(path), i, line) for i, line in enumerate(text.split("\n"), start=1) if "第" in line]


def page_title(meta: dict, body: str, path: Path) -> str:
    """The title a page is listed under: its front-matter title, else its first # heading."""
    if meta.get("title"):
        return str(meta["title"])
    m = re.search(r"^# (.+)$", body, re.M)
    return m.group(1).strip() if m else path.stem


def scan(
    sources: list[TextSource], registry: LawRegistry, finder: CitationFinder, graph: CitationGraph
) -> list[ContentError]:
    """Add the citations in `sources` to the graph; return the errors found: articles that do
    not exist, and quotations that are not in the article they follow (macros/quotations.py)."""
    errors = []
    for src in sources:
        for cit in finder.find(src.text):
            line = src.line_at(cit.start)
            quote = quotation_after(src.text, cit)
            if cit.law_id is None:
                graph.unknown.append((src.page, src.file, line, cit.text))
                if quote is not None:
                    graph.unverified.append((src.page, src.file, line, cit.text, quote.words))
                continue
            law = registry.laws[cit.law_id]
            cited = []
            for n, sub in cit.article_numbers():
                art = law.article(n, sub)
                if art is None:
                    errors.append(ContentError(src.file, missing_article_message(cit, law, n, sub), line=line))
                    continue
                cited.append(art)
                graph.uses.append(Use(src.page, src.file, line, cit.text, law.id, art.anchor))
            if quote is not None and cited and not quoted_in(quote.words, "\n".join(a.text for a in cited)):
                errors.append(ContentError(src.file, mismatch_message(quote, law, cited), line=line))
    return errors


def missing_article_message(cit: Citation, law: Law, n: int, sub: int | None) -> str:
    last = law.ordered_articles()[-1]
    which = f"第{n}条" + (f"之{sub}" if sub else "")
    return (
        f"引用“{cit.text}”中的{which}不存在：{law.name}（{law.meta.version}）"
        f"共 {len(law.articles)} 条，最后一条是{last.number}。请核对条号。"
    )


def basis_problems(path: Path, rel: str, finder: CitationFinder, text: str) -> list[ContentError]:
    """A reception script's 法律依据 and a template's 依据: every item cites an article and
    quotes the words it relies on (templates may also list standards such as GB/T 9704)."""
    kind = rel.split("/", 1)[0]
    heading = BASIS_HEADINGS.get(kind)
    if heading is None:
        return []
    body, first = body_of(text)
    out = []
    for item in basis_items(body, first, heading):
        cits = finder.find(item.text)
        if not cits:
            if kind == "reception":
                out.append(
                    ContentError(
                        path,
                        f"“{heading}”的这一项没有引用条文：每一项都写明法律和条号，"
                        "并摘录所依据的原文，如 《土地管理法》第十四条规定：“……”",
                        line=item.line,
                    )
                )
            continue
        # a law the site does not carry yet cannot be checked: its citations are on the
        # 未收录法律的引用 page until it is imported, and must quote from then on
        carried = [c for c in cits if c.law_id is not None]
        if carried and not any(quotation_after(item.text, c) for c in carried):
            out.append(
                ContentError(
                    path,
                    f"“{heading}”的这一项（{carried[0].text}）没有摘录条文原文：在引用后写"
                    "规定：“原文”或（“原文”），构建时逐字核对",
                    line=item.line,
                )
            )
    return out


def build_graph(
    pages: dict[str, tuple[Path, str]],
    registry: LawRegistry,
    finder: CitationFinder,
    titles: dict[str, str],
    extra_sources: tuple[TextSource, ...] | list[TextSource] = (),
) -> tuple[CitationGraph, list[ContentError]]:
    """Scan every content page (docs-relative path → (file, text); law pages excluded: they are
    what is cited) and the extra sources (data files shown on pages)."""
    graph = CitationGraph(titles=dict(titles))
    sources: list[TextSource] = list(extra_sources)
    problems: list[ContentError] = []
    for rel, (path, text) in sorted(pages.items()):
        if rel in registry.page_law:
            continue
        sources += markdown_sources(path, rel, text)
        problems += basis_problems(path, rel, finder, text)
    return graph, scan(sources, registry, finder, graph) + problems
