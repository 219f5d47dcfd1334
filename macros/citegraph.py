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

from .citations import Citation, CitationFinder
from .errors import ContentError
from .frontmatter import body_of
from .lawregistry import LawRegistry

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
    """Text that ends up on a page: a Markdown file's line, or an entry of a data file."""
    page: str       # docs-relative path of the page that shows it
    file: str       # the file to name in an error message
    line: int | None
    text: str


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


def markdown_sources(path: Path, rel: str) -> list[TextSource]:
    """The citable lines of a Markdown page (front matter and code left out)."""
    body, first = body_of(path.read_text(encoding="utf-8"))
    sources, in_fence = [], False
    for i, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or "第" not in line:
            continue
        sources.append(TextSource(rel, str(path), first + i, _INLINE_CODE.sub("", line)))
    return sources


def data_file_sources(path: Path, page: str) -> list[TextSource]:
    """The lines of a data file (YAML) whose text ends up on `page`, for citation scanning:
    an error then names the data file and its line, where the editor must fix it."""
    return [TextSource(page, str(path), i, line)
            for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1)
            if "第" in line]


def page_title(meta: dict, path: Path) -> str:
    if meta.get("title"):
        return str(meta["title"])
    m = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M)
    return m.group(1).strip() if m else path.stem


def scan(sources: list[TextSource], registry: LawRegistry, finder: CitationFinder,
         graph: CitationGraph) -> list[ContentError]:
    """Add the citations in `sources` to the graph; return the errors found."""
    errors = []
    for src in sources:
        for cit in finder.find(src.text):
            if cit.law_id is None:
                graph.unknown.append((src.page, src.file, src.line, cit.text))
                continue
            law = registry.laws[cit.law_id]
            for n, sub in cit.article_numbers():
                art = law.article(n, sub)
                if art is None:
                    errors.append(ContentError(src.file, missing_article_message(cit, law, n, sub), line=src.line))
                    continue
                graph.uses.append(Use(src.page, src.file, src.line, cit.text, law.id, art.anchor))
    return errors


def missing_article_message(cit: Citation, law, n: int, sub: int | None) -> str:
    last = law.ordered_articles()[-1]
    which = f"第{n}条" + (f"之{sub}" if sub else "")
    return (f"引用“{cit.text}”中的{which}不存在：{law.name}（{law.meta.get('version', '')}）"
            f"共 {len(law.articles)} 条，最后一条是{last.number}。请核对条号。")


def build_graph(docs_dir: Path, registry: LawRegistry, finder: CitationFinder,
                titles: dict[str, str], extra_sources: list[TextSource] = ()
                ) -> tuple[CitationGraph, list[ContentError]]:
    """Scan every content page (law pages excluded: they are what is cited) and extra sources."""
    graph = CitationGraph(titles=dict(titles))
    sources: list[TextSource] = list(extra_sources)
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel in registry.page_law:
            continue
        sources += markdown_sources(path, rel)
    return graph, scan(sources, registry, finder, graph)
