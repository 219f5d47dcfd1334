"""mkdocs-macros adapter: wires the plain-Python engine in this package into the build.

Keep this file thin (see DESIGN.md, "Keep the engine portable"): it reads mkdocs' config and
page objects and calls engine functions that know nothing of mkdocs."""
from __future__ import annotations

from pathlib import Path

from .lawaugment import ArticleBlocks, augment_law_markdown
from .lawcatalogue import catalogue_table, law_pages
from .pagemeta import load_page_meta
from .templatedata import load_all, page_slug, township_settings
from .templatehtml import catalogue_markdown, downloads_html, sample_html
from .docxgen import write_all

# Functions (law_id, anchor) -> Markdown blocks shown under each article of a law page.
ARTICLE_BLOCK_PROVIDERS: list[ArticleBlocks] = []


def define_env(env):
    docs_dir = Path(env.conf["docs_dir"])
    for path in sorted(docs_dir.rglob("*.md")):
        load_page_meta(path)  # a bad front matter stops the build here, naming the file

    @env.macro
    def law_table() -> str:
        """法律目录表：从各法律页面的页首信息生成。"""
        page_dir = Path(env.page.file.src_uri).parent.as_posix()
        return catalogue_table(law_pages(docs_dir), from_dir=page_dir)

    # 公文模板与表格: page samples and Word files from the same data (macros/templatedata.py)
    township = township_settings(env.conf.get("extra"))
    env.variables["township"] = township.model_dump()
    templates = env.variables["_templates"] = load_all(township)

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


def on_post_page_macros(env):
    law = env.page.meta.get("law")
    if isinstance(law, dict) and ARTICLE_BLOCK_PROVIDERS:
        env.markdown = augment_law_markdown(env.markdown, law["id"], ARTICLE_BLOCK_PROVIDERS)


def on_post_build(env):
    write_all(env.variables["_templates"], Path(env.conf["site_dir"]))
