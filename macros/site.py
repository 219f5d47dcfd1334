"""Everything the build reads before rendering, loaded and checked in one place.

load_site() reads the pages' front matter, the law registry, the data files (glossary,
referrals, templates, quizzes, search keywords, amendment decisions) and scans every citation.
It does not stop at the first problem: each check that fails adds a ContentError (file, line or
entry, what to do) and the checks that depend on it are skipped. The build (macros/__init__.py)
refuses to render while there are problems; `make check` (python -m macros.check) lists them
all. Plain Python: no mkdocs import."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

import yaml

from . import amendment, quizzes
from . import referrals as referral_dir
from .charcheck import check_characters
from .citations import CitationFinder
from .citegraph import CitationGraph, TextSource, build_graph, data_file_sources, page_title
from .errors import ContentError
from .glossary import Term, glossary_sources, load_glossary
from .lawlist import load_law_list
from .lawregistry import LawRegistry, build_registry
from .pagemeta import load_page_meta
from .reception import check_forms
from .remedies import RemedyTable, load_remedies
from .searchdata import load_keywords
from .templatedata import load_all, township_settings

T = TypeVar("T")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its `extra:` without running its !!python tags."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_extra(config_path: Path) -> dict:
    """The `extra:` settings of mkdocs.yml (township name, phones …), for tools run outside a build."""
    if not config_path.exists():
        return {}
    data = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    return data.get("extra") or {}


@dataclass
class Site:
    docs_dir: Path
    titles: dict[str, str] = field(default_factory=dict)         # page -> title
    topics: dict[str, list[str]] = field(default_factory=dict)   # topic -> pages
    registry: LawRegistry | None = None
    finder: CitationFinder | None = None
    graph: CitationGraph = field(default_factory=CitationGraph)
    terms: list[Term] = field(default_factory=list)
    offices: dict = field(default_factory=dict)
    local: object = None                 # referral_dir.LocalSettings
    township: object = None              # templatedata.TownshipSettings
    templates: dict = field(default_factory=dict)
    bank: object = None                  # quizzes.QuizBank
    keywords: dict = field(default_factory=dict)
    amendments: dict = field(default_factory=dict)
    remedies: RemedyTable | None = None   # 救济途径与时限 (macros/data/remedies.yaml)


def load_site(docs_dir: Path, extra: dict | None, scan_citations: bool = True
              ) -> tuple[Site, list[ContentError]]:
    site, problems = Site(docs_dir), []

    def attempt(fn: Callable[[], T], default: T = None) -> T:
        try:
            return fn()
        except ContentError as e:
            problems.append(e)
            return default

    extra = extra or {}
    site.offices = attempt(referral_dir.load_referrals, {})
    site.local = attempt(lambda: referral_dir.local_settings(extra, site.offices, "mkdocs.yml"))
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        meta = attempt(lambda: load_page_meta(path))
        if meta is None:
            site.titles[rel] = rel
            continue
        site.titles[rel] = meta.title or page_title({}, path)
        shown = path.relative_to(docs_dir.parent)  # docs/reception/x.md, as the editor knows it
        attempt(lambda: referral_dir.check_referral_ids(meta.referrals, site.offices, shown))
        attempt(lambda: check_forms(meta, docs_dir, shown))
        for topic in meta.topics:
            site.topics.setdefault(topic, []).append(rel)

    # pasted text: invisible characters and look-alike radicals, in pages and data files
    # (law pages excepted: they come from the importer and are checked against the database)
    for path in sorted([*docs_dir.rglob("*.md"), *docs_dir.rglob("*.yaml"), *DATA_DIR.rglob("*.yaml")]):
        if not _is_law_page(path):
            problems += check_characters(path)

    site.registry = attempt(lambda: build_registry(docs_dir))
    site.township = attempt(lambda: township_settings(extra))
    if site.township is not None:
        site.templates = attempt(lambda: load_all(site.township), {})
    if site.registry is None:
        return site, problems          # nothing below can be checked without the laws
    site.finder = CitationFinder(site.registry.aliases())
    site.terms = attempt(lambda: load_glossary(docs_dir, site.registry, site.finder), [])
    site.remedies = attempt(lambda: load_remedies(docs_dir, site.registry, site.finder))
    site.bank = attempt(lambda: quizzes.load_quiz_bank(docs_dir, registry=site.registry))
    if site.bank is not None:
        attempt(lambda: quizzes.check_module_pages(site.bank, docs_dir))
    site.keywords = attempt(lambda: load_keywords(site.registry), {})
    site.amendments = {}
    for e in attempt(load_law_list, []):
        if e.amends and (docs_dir / e.page).exists() and e.amends in site.registry.laws:
            loaded = attempt(lambda: amendment.load_amendment(docs_dir, e))
            if loaded is not None:
                site.amendments[e.amends] = loaded

    site.graph = CitationGraph(titles=dict(site.titles))
    if scan_citations:
        site.graph, errors = build_graph(docs_dir, site.registry, site.finder, site.titles,
                                         data_sources(site))
        problems += errors
    return site, problems


DATA_DIR = Path(__file__).parent / "data"


def _is_law_page(path: Path) -> bool:
    return path.suffix == ".md" and "\nlaw:\n" in path.read_text(encoding="utf-8").split("\n---\n", 1)[0]


def data_sources(site: Site) -> list[TextSource]:
    """Citations kept in data files, each counted for the page that shows it."""
    d = site.docs_dir
    out = glossary_sources(d, site.terms)
    out += site.remedies.sources if site.remedies is not None else []
    out += [src for t in site.templates.values() if (d / t.page).exists()
            for src in data_file_sources(t.path, t.page)]
    if site.bank is not None:
        out += [src for m in site.bank.modules.values()
                for src in data_file_sources(m.path, quizzes.module_pages(m.slug)["practice"])]
    return out
