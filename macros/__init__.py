"""mkdocs-macros adapter: wires the plain-Python engine in this package into the build.

Keep this file thin (see DESIGN.md, "Keep the engine portable"): it reads mkdocs' config and
page objects and calls engine functions that know nothing of mkdocs."""
from __future__ import annotations

from pathlib import Path

from . import amendment
from .lawaugment import ArticleBlocks, augment_law_markdown
from .lawcatalogue import catalogue_table, law_pages
from .errors import ContentError
from .lawlist import load_law_list
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
    law = env.page.meta.get("law")
    if isinstance(law, dict) and ARTICLE_BLOCK_PROVIDERS:
        env.markdown = augment_law_markdown(env.markdown, law["id"], ARTICLE_BLOCK_PROVIDERS)
