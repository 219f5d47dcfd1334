"""mkdocs-macros adapter: wires the plain-Python engine in this package into the build.

Keep this file thin (see DESIGN.md, "Keep the engine portable"): it reads mkdocs' config and
page objects and calls engine functions that know nothing of mkdocs. Its partner
macros/mkdocs_hooks.py (a MkDocs hook) links citations in each page's HTML."""
from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import amendment, quizzes
from . import referrals as referral_dir
from .citations import CitationFinder
from .citegraph import CitationGraph
from .docxgen import write_all
from .errors import ContentError, ContentProblems
from .glossary import glossary_markdown
from .lawaugment import ArticleBlocks, augment_law_markdown
from .lawcatalogue import catalogue_table
from .lawregistry import LawRegistry
from .reception import lookup_table, reception_scripts
from .remedies import remedies_markdown
from .searchdata import article_keyword_blocks, write_client_data
from .site import load_site
from .templatehtml import catalogue_markdown, downloads_html, sample_html
from .templatedata import page_slug
from .xrefindex import backlinks_block, citation_index, topic_index, unknown_law_report, unverified_quotation_report

# Functions (law_id, anchor) -> Markdown blocks shown under each article of a law page;
# define_env fills it afresh for every build.
ARTICLE_BLOCK_PROVIDERS: list[ArticleBlocks] = []


@dataclass
class Xref:
    """This build's law registry and citation graph, shared with mkdocs_hooks.py."""
    registry: LawRegistry
    finder: CitationFinder
    graph: CitationGraph
    enabled: bool = True


XREF: Xref | None = None


def define_env(env):
    global XREF
    docs_dir = Path(env.conf["docs_dir"])
    # KB_XREF=off builds without cross-references (scripts/bench_build.py measures the cost)
    enabled = os.environ.get("KB_XREF", "on") != "off"
    site, problems = load_site(docs_dir, env.conf.get("extra"), scan_citations=enabled)
    if problems:
        # PluginError: MkDocs prints the message without a traceback and writes nothing
        raise PluginError(str(ContentProblems(problems)))
    registry, graph, templates = site.registry, site.graph, site.templates
    env.variables["township"] = site.township.model_dump()
    env.variables["_templates"] = templates

    # Under each article: 要点 (also weighted by the search), 沿革 from amendment decisions,
    # then backlinks (quiz pages among them, their questions' sources counted as citations).
    ARTICLE_BLOCK_PROVIDERS[:] = [article_keyword_blocks(site.keywords), amendment.article_blocks(site.amendments)]
    if enabled:
        ARTICLE_BLOCK_PROVIDERS.append(
            lambda law_id, anchor: backlinks_block(
                graph, registry.laws[law_id].articles[anchor].page, graph.pages_citing(law_id, anchor)))
    XREF = Xref(registry, site.finder, graph, enabled)

    def here() -> str:
        return env.page.file.src_uri

    def here_dir() -> str:
        return posixpath.dirname(here()) or "."

    for name, fn in quizzes.macros(site.bank, here_dir).items():
        env.macro(fn, name)

    @env.macro
    def township_name() -> str:
        """本镇名称（mkdocs.yml 的 extra.township.name）。"""
        return site.local.township

    @env.macro
    def referral_list() -> str:
        """本页页首 referrals 所列转办去向：单位、电话、管哪些事。
        (Not named `referrals`: the page's front-matter key of that name would hide it.)"""
        return referral_dir.referral_list(env.page.meta.get("referrals") or [], site.offices, site.local, here())

    @env.macro
    def referral_directory() -> str:
        """转办目录全表。"""
        return referral_dir.directory_table(site.offices, site.local)

    @env.macro
    def reception_lookup() -> str:
        """接待速查表：从各接待话术页的页首信息生成。"""
        return lookup_table(reception_scripts(docs_dir), docs_dir, here_dir())

    @env.macro
    def renumbering_table(law_id: str, added: bool = False) -> str:
        """修改前后条文序号对照表（added=True 时为新增条文表），由修改决定生成。"""
        if law_id not in site.amendments:
            raise ContentError(here(), f"renumbering_table：法律清单里没有修改“{law_id}”的决定")
        a = site.amendments[law_id]
        return amendment.added_table(a, here_dir()) if added else amendment.renumbering_table(a, here_dir())

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
        return topic_index(site.topics, site.titles, here())

    @env.macro
    def glossary() -> str:
        """术语表：docs/indexes/glossary.yaml。"""
        return glossary_markdown(site.terms)

    @env.macro
    def remedies_table() -> str:
        """救济途径与时限：macros/data/remedies.yaml，每项一节，锚点是该项的 id。"""
        return remedies_markdown(site.remedies)

    @env.macro
    def unknown_law_citations() -> str:
        """引用了本站未收录法律的地方。"""
        return unknown_law_report(graph, here())

    @env.macro
    def unverified_quotations() -> str:
        """引用了本站未收录法律、因而还不能核对的引文。"""
        return unverified_quotation_report(graph, here())

    def this_template():
        found = page_slug(here())
        if found is None or found[1] not in templates:
            raise KeyError(f"{here()} 不是模板页，或 macros/data/templates/ 里没有它的数据")
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
        return catalogue_markdown(templates, section, here_dir())


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
