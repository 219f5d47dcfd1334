"""mkdocs-macros adapter: wires the plain-Python engine in this package into the build.

Keep this file thin (see DESIGN.md, "Keep the engine portable"): it reads mkdocs' config and
page objects and calls engine functions that know nothing of mkdocs."""
from __future__ import annotations

from pathlib import Path

from .lawaugment import ArticleBlocks, augment_law_markdown
from .lawcatalogue import catalogue_table, law_pages
from .pagemeta import load_page_meta
from .searchdata import article_keyword_blocks, load_keywords, write_client_data

# Functions (law_id, anchor) -> Markdown blocks shown under each article of a law page.
ARTICLE_BLOCK_PROVIDERS: list[ArticleBlocks] = []


def define_env(env):
    docs_dir = Path(env.conf["docs_dir"])
    for path in sorted(docs_dir.rglob("*.md")):
        load_page_meta(path)  # a bad front matter stops the build here, naming the file
    # 要点 under articles (also weighted by the search); provider added once per build
    ARTICLE_BLOCK_PROVIDERS[:] = [p for p in ARTICLE_BLOCK_PROVIDERS if getattr(p, "__name__", "") != "keyword_blocks"]
    ARTICLE_BLOCK_PROVIDERS.append(article_keyword_blocks(load_keywords(docs_dir)))

    @env.macro
    def law_table() -> str:
        """法律目录表：从各法律页面的页首信息生成。"""
        page_dir = Path(env.page.file.src_uri).parent.as_posix()
        return catalogue_table(law_pages(docs_dir), from_dir=page_dir)


def on_post_page_macros(env):
    law = env.page.meta.get("law")
    if isinstance(law, dict) and ARTICLE_BLOCK_PROVIDERS:
        env.markdown = augment_law_markdown(env.markdown, law["id"], ARTICLE_BLOCK_PROVIDERS)


def on_post_build(env):
    # the search's vocabulary, law names and 要点, read by docs/assets/javascripts/lawsearch.js
    write_client_data(Path(env.conf["site_dir"]), Path(env.conf["docs_dir"]),
                      env.conf["use_directory_urls"])
