"""mkdocs-macros adapter: wires the plain-Python engine in this package into the build.

Keep this file thin (see DESIGN.md, "Keep the engine portable"): it reads mkdocs' config and
page objects and calls engine functions that know nothing of mkdocs. Its partner
macros/mkdocs_hooks.py (a MkDocs hook) links citations in each page's HTML."""
from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from .citations import CitationFinder
from .citegraph import CitationGraph, TextSource, build_graph, data_file_sources, page_title
from .errors import ContentProblems
from .glossary import glossary_markdown, glossary_sources, load_glossary
from .lawaugment import ArticleBlocks, augment_law_markdown
from .lawcatalogue import catalogue_table
from .lawregistry import LawRegistry, build_registry
from . import amendment
from .errors import ContentError
from .lawlist import load_law_list
from .pagemeta import load_page_meta
from . import referrals as referral_dir
from .docxgen import write_all
from .reception import check_forms, lookup_table, reception_scripts
from .searchdata import article_keyword_blocks, load_keywords, write_client_data
from .templatedata import load_all, page_slug, township_settings
from .templatehtml import catalogue_markdown, downloads_html, sample_html
from .xrefindex import backlinks_block, citation_index, topic_index, unknown_law_report

# Functions (law_id, anchor) -> Markdown blocks shown under each article of a law page;
# define_env fills it afresh for every build.
ARTICLE_BLOCK_PROVIDERS: list[ArticleBlocks] = []
# Functions docs_dir -> TextSource list: citations kept in data files (quizzes, glossary …),
# so they count in the citation graph like citations written in pages.
CITATION_SOURCES: list = []


@dataclass
class Xref:
    """This build's law registry and citation graph, shared with mkdocs_hooks.py."""
    registry: LawRegistry
    finder: CitationFinder
    graph: CitationGraph
    topics: dict[str, list[str]] = field(default_factory=dict)
    enabled: bool = True


XREF: Xref | None = None


def define_env(env):
    global XREF
    docs_dir = Path(env.conf["docs_dir"])
    # KB_XREF=off builds without cross-references (scripts/bench_build.py measures the cost)
    enabled = os.environ.get("KB_XREF", "on") != "off"
    ARTICLE_BLOCK_PROVIDERS.clear()
    CITATION_SOURCES.clear()

    offices = referral_dir.load_referrals()
    local = referral_dir.local_settings(env.conf.get("extra") or {}, offices, "mkdocs.yml")
    topics: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        meta = load_page_meta(path)  # a bad front matter stops the build here, naming the file
        titles[rel] = meta.title or page_title({}, path)
        shown = path.relative_to(docs_dir.parent)  # docs/reception/x.md, as the editor knows it
        referral_dir.check_referral_ids(meta.referrals, offices, shown)
        check_forms(meta, docs_dir, shown)
        for topic in meta.topics:
            topics.setdefault(topic, []).append(rel)

    registry = build_registry(docs_dir)
    finder = CitationFinder(registry.aliases())
    terms = load_glossary(docs_dir, registry, finder)
    CITATION_SOURCES.append(lambda d: glossary_sources(d, terms))
    # 公文模板与表格: page samples and Word files from the same data (macros/templatedata.py)
    township = township_settings(env.conf.get("extra"))
    env.variables["township"] = township.model_dump()
    templates = env.variables["_templates"] = load_all(township)
    CITATION_SOURCES.append(lambda d: [src for t in templates.values() if (d / t.page).exists()
                                       for src in data_file_sources(t.path, t.page)])
    from . import quizzes  # imported here so `python -m macros.quizzes` runs cleanly

    # Quizzes: checked here so a bad question stops the build; quiz(), quiz_exam() … render them.
    bank = quizzes.load_quiz_bank(docs_dir, registry=registry)
    quizzes.check_module_pages(bank, docs_dir)
    for name, fn in quizzes.macros(bank, lambda: Path(env.page.file.src_uri).parent.as_posix()).items():
        env.macro(fn, name)
    CITATION_SOURCES.append(lambda d: [src for m in bank.modules.values()
                                       for src in data_file_sources(m.path, quizzes.module_pages(m.slug)["practice"])])
    # Under each article: 要点 (also weighted by the search), 沿革 from amendment decisions,
    # then backlinks.
    ARTICLE_BLOCK_PROVIDERS.append(article_keyword_blocks(load_keywords(registry)))
    # Amendment decisions: old -> new numbering table and history notes under articles.
    # (a site without the decision's pages, like a test fixture, simply has none)
    amendments = {e.amends: amendment.load_amendment(docs_dir, e) for e in load_law_list()
                  if e.amends and (docs_dir / e.page).exists() and (docs_dir / f"laws/{e.amends}.md").exists()}
    ARTICLE_BLOCK_PROVIDERS.append(amendment.article_blocks(amendments))
    graph = CitationGraph(titles=titles)
    if enabled:
        extra: list[TextSource] = [s for source in CITATION_SOURCES for s in source(docs_dir)]
        graph, errors = build_graph(docs_dir, registry, finder, titles, extra)
        if errors:
            raise ContentProblems(errors)
        ARTICLE_BLOCK_PROVIDERS.append(
            lambda law_id, anchor: backlinks_block(
                graph, registry.laws[law_id].articles[anchor].page, graph.pages_citing(law_id, anchor)))
    ARTICLE_BLOCK_PROVIDERS.append(quizzes.article_quiz_links(bank))
    XREF = Xref(registry, finder, graph, topics, enabled)

    def here() -> str:
        return env.page.file.src_uri

    @env.macro
    def township_name() -> str:
        """本镇名称（mkdocs.yml 的 extra.township.name）。"""
        return local.township

    @env.macro
    def referral_list() -> str:
        """本页页首 referrals 所列转办去向：单位、电话、管哪些事。
        (Not named `referrals`: the page's front-matter key of that name would hide it.)"""
        return referral_dir.referral_list(env.page.meta.get("referrals") or [], offices, local, env.page.file.src_uri)

    @env.macro
    def referral_directory() -> str:
        """转办目录全表。"""
        return referral_dir.directory_table(offices, local)

    @env.macro
    def reception_lookup() -> str:
        """接待速查表：从各接待话术页的页首信息生成。"""
        return lookup_table(reception_scripts(docs_dir), docs_dir, posixpath.dirname(here()))

    @env.macro
    def renumbering_table(law_id: str, added: bool = False) -> str:
        """修改前后条文序号对照表（added=True 时为新增条文表），由修改决定生成。"""
        if law_id not in amendments:
            raise ContentError(here(), f"renumbering_table：法律清单里没有修改“{law_id}”的决定")
        a, page_dir = amendments[law_id], posixpath.dirname(here())
        return amendment.added_table(a, page_dir) if added else amendment.renumbering_table(a, page_dir)

    @env.macro
    def law_table() -> str:
        """法律目录表：从各法律页面的页首信息生成。"""
        return catalogue_table(registry, here())

    @env.macro
    def citation_index_table() -> str:
        """法条引用索引：每条被哪些页面引用，每页引用了哪些条。"""
        return citation_index(registry, graph, here())

    @env.macro
    def topics_index() -> str:
        """主题索引：按页首 topics: 汇总各类页面。"""
        return topic_index(topics, titles, here())

    @env.macro
    def glossary() -> str:
        """术语表：docs/indexes/glossary.yaml。"""
        return glossary_markdown(terms)

    @env.macro
    def unknown_law_citations() -> str:
        """引用了本站未收录法律的地方。"""
        return unknown_law_report(graph, here())

    def this_template():
        found = page_slug(env.page.file.src_uri)
        if found is None or found[1] not in templates:
            raise KeyError(f"{env.page.file.src_uri} 不是模板页，或 macros/data/templates/ 里没有它的数据")
        return templates[found[1]]

    @env.macro
    def template_sample(which: str = "example") -> str:
        """本页公文（表格）的范例（"example"）或填空模板（"skeleton"）。"""
        return sample_html(this_template(), which)

    @env.macro
    def template_downloads() -> str:
        """本页的 Word 下载按钮。"""
        return downloads_html(this_template())

    @env.macro
    def template_table(section: str = "templates") -> str:
        """全部文种（"templates"）或全部表格（"forms"）的目录表。"""
        page_dir = Path(env.page.file.src_uri).parent.as_posix()
        return catalogue_markdown(templates, section, page_dir)

    # Amendment decisions: old -> new numbering table and history notes under articles.
    # (a site without the decision's pages, like a test fixture, simply has none)
    amendments = {e.amends: amendment.load_amendment(docs_dir, e) for e in load_law_list()
                  if e.amends and (docs_dir / e.page).exists() and (docs_dir / f"laws/{e.amends}.md").exists()}
    by_decision = {a.decision.id: a for a in amendments.values()}

    def amendment_blocks(law_id: str, anchor: str) -> list[str]:
        n = int(anchor.removeprefix("art-")) if anchor.removeprefix("art-").isdigit() else None
        if n is None:
            return []
        if law_id in amendments:
            note = amendment.history_note(amendments[law_id], n)
        elif law_id in by_decision:
            note = amendment.item_note(by_decision[law_id], n)
        else:
            return []
        return [note + "\n{: .article-history }"] if note else []

    # replace, not add: `mkdocs serve` calls define_env again on every rebuild
    ARTICLE_BLOCK_PROVIDERS[:] = [p for p in ARTICLE_BLOCK_PROVIDERS if p.__name__ != "amendment_blocks"]
    ARTICLE_BLOCK_PROVIDERS.append(amendment_blocks)

    @env.macro
    def renumbering_table(law_id: str, added: bool = False) -> str:
        """修改前后条文序号对照表（added=True 时为新增条文表），由修改决定生成。"""
        page_dir = Path(env.page.file.src_uri).parent.as_posix()
        if law_id not in amendments:
            raise ContentError(env.page.file.src_uri, f"renumbering_table：法律清单里没有修改“{law_id}”的决定")
        a = amendments[law_id]
        return amendment.added_table(a, page_dir) if added else amendment.renumbering_table(a, page_dir)



def on_post_page_macros(env):
    law_id = XREF.registry.page_law.get(env.page.file.src_uri) if XREF else None
    if law_id and ARTICLE_BLOCK_PROVIDERS:
        env.markdown = augment_law_markdown(env.markdown, law_id, ARTICLE_BLOCK_PROVIDERS)


def on_post_build(env):
    # the search's vocabulary, law names and 要点, read by docs/assets/javascripts/lawsearch.js
    write_client_data(Path(env.conf["site_dir"]), Path(env.conf["docs_dir"]), XREF.registry,
                      env.conf["use_directory_urls"])
    # Word files of the templates and forms (macros/docxgen.py)
    write_all(env.variables["_templates"], Path(env.conf["site_dir"]))
