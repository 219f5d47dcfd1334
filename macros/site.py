"""The site model: every project file the build needs, read once and checked in one place.

load_site() reads every page of docs/ and every data file, once (core/files.py), into one Site:
the pages and their front matter, the law registry (from the law pages), the law list, the
referral directory and the township's settings, the glossary, the templates, the quiz bank, the
search vocabulary and article 要点, the amendment decisions, and the citation graph. Everything
after — rendering, `make check`, the importer's change report — works from this model.

It does not stop at the first problem: each check that fails adds a ContentError (file, line or
entry, what to do) and the checks that depend on it are skipped. The build refuses to render
while there are problems; `make check` lists them all. Plain Python: no mkdocs import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .content import quiz_model, referrals
from .content.glossary import Term, glossary_sources, load_glossary
from .content.quiz_model import QuizBank
from .content.reception import check_forms
from .content.remedies import RemedyTable, load_remedies
from .content.templatedata import Entry, load_all
from .content.township import TownshipSettings, township_settings
from .core.charcheck import check_characters
from .core.errors import ContentError, ContentProblems
from .core.files import ProjectFiles
from .core.frontmatter import front_matter_lines, split_front_matter
from .core.mkdocsconfig import read_config
from .core.pagemeta import PageMeta, validate_page_meta
from .core.paths import ProjectPaths, parse_anchor
from .laws import amendment
from .laws.lawlist import LawEntry, load_law_list
from .laws.lawpage import LawPage, is_law_page, parse_law_text
from .laws.registry import LawRegistry, build_registry
from .search.data import Vocabulary, load_keywords, load_questions, load_vocabulary
from .xref.citations import CitationFinder
from .xref.graph import CitationGraph, TextSource, build_graph, data_file_sources, page_title

T = TypeVar("T")

# Page kinds whose pages say what they are in front matter (title at least): a page there
# without it is a mistake (a reception script without it silently drops out of 接待速查).
NEEDS_FRONT_MATTER = ("reception/", "templates/", "training/")


def read_extra(config_path: Path) -> dict:
    """The `extra:` settings of a config file (township name, phones …) with what it inherits,
    for tools run outside a build."""
    return read_config(config_path).get("extra") or {}


@dataclass
class Page:
    """A Markdown page of docs/, as read."""

    rel: str  # docs-relative: reception/homestead-application.md
    path: Path
    text: str
    meta: PageMeta | None  # None when the front matter is wrong (reported)
    body: str
    body_line: int  # line of the file where the body starts
    fm_lines: dict[tuple, int] = field(default_factory=dict)  # front-matter key → its line


@dataclass
class Site:
    paths: ProjectPaths
    files: ProjectFiles
    pages: dict[str, Page] = field(default_factory=dict)  # every .md, docs-relative
    titles: dict[str, str] = field(default_factory=dict)  # page -> title
    topics: dict[str, list[str]] = field(default_factory=dict)  # topic -> pages
    law_list: list[LawEntry] = field(default_factory=list)
    law_pages: dict[str, LawPage] = field(default_factory=dict)
    registry: LawRegistry | None = None
    finder: CitationFinder | None = None
    graph: CitationGraph = field(default_factory=CitationGraph)
    terms: list[Term] = field(default_factory=list)
    offices: dict[str, referrals.Office] = field(default_factory=dict)
    # office id → 问法 of each of its not_covered matters, search only
    outside_questions: dict[str, list[list[str]]] = field(default_factory=dict)
    township: TownshipSettings = field(default_factory=TownshipSettings)
    templates: dict[str, Entry] = field(default_factory=dict)
    bank: QuizBank | None = None
    vocab: Vocabulary | None = None
    keywords: dict[str, dict[int, list[str]]] = field(default_factory=dict)
    questions: dict[str, dict[int, list[str]]] = field(default_factory=dict)  # 问法 of articles, search only
    amendments: dict[str, amendment.Amendment] = field(default_factory=dict)
    remedies: RemedyTable | None = None  # 救济途径与时限 (docs/reception/remedies.yaml)

    def metas(self) -> dict[str, PageMeta]:
        return {rel: p.meta for rel, p in self.pages.items() if p.meta is not None}

    def page_texts(self) -> dict[str, str]:
        return {rel: p.text for rel, p in self.pages.items()}


def load_site(
    paths: ProjectPaths,
    extra: dict | None,
    scan_citations: bool = True,
    files: ProjectFiles | None = None,
    config_name: str = "mkdocs.yml",
) -> tuple[Site, list[ContentError]]:
    """config_name: the config file whose `extra:` this is, as errors name it."""
    site = Site(paths, files or ProjectFiles())
    problems: list[ContentError] = []

    attempt = Attempts(problems)

    docs = paths.docs
    site.offices = attempt({}, referrals.load_referrals, paths.referrals, site.files)
    site.outside_questions = attempt(
        {}, referrals.load_outside_questions, paths.outside_questions, site.offices, site.files
    )
    office_ids = list(site.offices) if paths.referrals.exists() else None  # no directory: phones unchecked
    site.township = attempt(TownshipSettings(), township_settings, extra, office_ids, config_name)
    _read_pages(site, attempt, problems)
    page_set = set(site.pages)
    for rel, page in site.pages.items():
        if page.meta is None:
            continue
        shown = paths.shown(page.path)  # docs/reception/x.md, as the editor knows it
        attempt(
            None,
            referrals.check_referral_ids,
            page.meta.referrals,
            site.offices,
            shown,
            page.fm_lines.get(("referrals",)),
        )
        attempt(None, check_forms, page.meta, page_set, shown, page.fm_lines.get(("forms",)))
        for topic in page.meta.topics:
            site.topics.setdefault(topic, []).append(rel)

    # pasted text: invisible characters and look-alike radicals, in pages and data files
    # (law pages excepted: they come from the importer and are checked against their source)
    for rel, page in site.pages.items():
        if rel not in site.law_pages:
            problems += check_characters(page.path, page.text)
    for path in sorted([*docs.rglob("*.yaml"), *paths.data.rglob("*.yaml")]):
        text = attempt(None, site.files.text, path)
        if text is not None:
            problems += check_characters(path, text)

    site.law_list = attempt([], load_law_list, paths.law_list, site.files) if paths.law_list.exists() else []
    site.registry = build_registry(site.law_pages)
    site.templates, template_problems = load_all(site.township, docs, site.files)
    problems += template_problems
    registry = site.registry
    site.finder = finder = CitationFinder(registry.aliases())
    site.terms = attempt([], load_glossary, docs, finder, site.files)
    site.remedies = attempt(None, load_remedies, docs, registry, finder, site.files)
    form_titles = {rel: (p.meta.title if p.meta else None) or rel for rel, p in site.pages.items()}
    site.bank = attempt(None, quiz_model.load_quiz_bank, docs, registry, finder, form_titles, site.files)
    if site.bank is not None:
        attempt(None, quiz_model.check_module_pages, site.bank, page_set)
    if paths.search_vocab.exists():
        site.vocab = attempt(None, load_vocabulary, paths.search_vocab, site.law_list, site.files)
    site.keywords = attempt({}, load_keywords, registry, site.law_list, paths.article_keywords, site.files)
    site.questions = attempt({}, load_questions, registry, site.law_list, paths.article_questions, site.files)
    for e in site.law_list:
        law_page = site.law_pages.get(f"laws/{e.amends}.md")
        if e.amends and e.page in site.law_pages and law_page is not None:
            loaded = attempt(None, amendment.load_amendment, e, site.law_pages[e.page], law_page)
            if loaded is not None:
                site.amendments[e.amends] = loaded
    for e in site.law_list:  # no decision in the list: the 新旧对照 from the previous version's text
        if e.previous is not None and e.id not in site.amendments and e.page in site.law_pages:
            loaded = attempt(None, _text_amendment, site, e)
            if loaded is not None:
                site.amendments[e.id] = loaded

    site.graph = CitationGraph(titles=dict(site.titles))
    if scan_citations:
        content = {rel: (p.path, p.text) for rel, p in site.pages.items()}
        site.graph, errors = build_graph(content, registry, finder, site.titles, data_sources(site))
        problems += errors
    return site, problems


def _text_amendment(site: Site, entry: LawEntry) -> amendment.Amendment:
    from .laws.sources.reading import SourceReader  # reads source files only, never the database

    assert entry.previous is not None
    old = SourceReader(site.paths, site.files).file(entry.previous.source, entry.name)
    previous = [(parse_anchor(a.anchor), a.text) for a in old.articles]
    if any(p is None or p[1] is not None for p, _ in previous):
        raise ContentError(entry.previous.source.file, "有“第N条之一”这样的条文，暂时不能由新旧两个文本推算对照表")
    return amendment.load_text_amendment(
        entry, [(p[0], t) for p, t in previous if p], site.law_pages[entry.page], entry.previous.source.file
    )


class Attempts:
    """Runs one loading step: its result, or `default` with the problems it raised recorded, so
    that one bad file never hides the problems of the others."""

    def __init__(self, problems: list[ContentError]):
        self.problems = problems

    def __call__(self, default: T, fn: Callable[..., T], *args: Any) -> T:
        try:
            return fn(*args)
        except ContentError as e:
            self.problems.append(e)
        except ContentProblems as e:
            self.problems.extend(e.problems)
        return default


def _read_pages(site: Site, attempt: Attempts, problems: list[ContentError]) -> None:
    """Every .md of docs/: text, front matter (checked), title; law pages parsed."""
    docs = site.paths.docs
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        text = attempt(None, site.files.text, path)
        if text is None:
            continue
        if not text.strip():
            problems.append(
                ContentError(path, "页面是空的：写上标题和内容，或删除这个文件（空页面会在导航里显示为空白页）", line=1)
            )
            continue
        if rel.startswith(NEEDS_FRONT_MATTER) and not text.startswith("---\n"):
            problems.append(
                ContentError(
                    path,
                    "缺少页首信息（front matter）：这类页面的第一行应为 ---，"
                    "并至少写明 title；照同一目录里其他页面的开头写",
                    line=1,
                )
            )
        if is_law_page(text):
            law = attempt(None, parse_law_text, text, path)
            if law is not None:
                site.law_pages[rel] = law
        try:
            raw, body, body_line = split_front_matter(text, path)
        except ContentError as e:
            problems.append(e)
            site.pages[rel] = Page(rel, path, text, None, text, 1)
            site.titles[rel] = rel
            continue
        lines = front_matter_lines(text)
        meta = attempt(None, validate_page_meta, raw, path, lines)
        site.pages[rel] = Page(rel, path, text, meta, body, body_line, lines)
        site.titles[rel] = (meta.title if meta and meta.title else None) or page_title(raw, body, path)


def data_sources(site: Site) -> list[TextSource]:
    """Citations kept in data files, each counted for the page that shows it."""
    d, files = site.paths.docs, site.files
    out = glossary_sources(d, site.terms, files) if site.terms else []
    out += site.remedies.sources if site.remedies is not None else []
    out += [
        src
        for t in site.templates.values()
        if t.page in site.pages
        for src in data_file_sources(t.path, t.page, files.text(t.path))
    ]
    if site.bank is not None:
        out += [
            src
            for m in site.bank.modules.values()
            for src in data_file_sources(m.path, quiz_model.module_pages(m.slug)["practice"], files.text(m.path))
        ]
    return out
