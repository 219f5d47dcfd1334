"""mkdocs-macros adapter: wires the plain-Python engine in this package into the build.

Keep this file thin (see DESIGN.md, "Keep the engine portable"): it reads mkdocs' config and
page objects and calls engine functions that know nothing of mkdocs."""
from __future__ import annotations

from pathlib import Path

from .lawaugment import ArticleBlocks, augment_law_markdown
from .lawcatalogue import catalogue_table, law_pages
from .pagemeta import load_page_meta

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

    from . import quizzes  # imported here so `python -m macros.quizzes` runs cleanly

    # Quizzes: checked here so a bad question stops the build; quiz(), quiz_exam() … render them.
    bank = quizzes.load_quiz_bank(docs_dir)
    quizzes.check_module_pages(bank, docs_dir)
    for name, fn in quizzes.macros(bank, lambda: Path(env.page.file.src_uri).parent.as_posix()).items():
        env.macro(fn, name)
    ARTICLE_BLOCK_PROVIDERS[:] = [p for p in ARTICLE_BLOCK_PROVIDERS if getattr(p, "__name__", "") != "quiz_links"]
    ARTICLE_BLOCK_PROVIDERS.append(quizzes.article_quiz_links(bank))


def on_post_page_macros(env):
    law = env.page.meta.get("law")
    if isinstance(law, dict) and ARTICLE_BLOCK_PROVIDERS:
        env.markdown = augment_law_markdown(env.markdown, law["id"], ARTICLE_BLOCK_PROVIDERS)
