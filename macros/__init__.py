"""mkdocs-macros adapter: wires the plain-Python engine in this package into the build.

Keep this file thin (see DESIGN.md, "Keep the engine portable"): it reads mkdocs' config and
page objects and calls engine functions that know nothing of mkdocs."""
from __future__ import annotations

from pathlib import Path

from .lawaugment import ArticleBlocks, augment_law_markdown
from .lawcatalogue import catalogue_table, law_pages
from .pagemeta import load_page_meta
from .reception import check_forms, lookup_table, reception_scripts
from . import referrals as referral_dir

# Functions (law_id, anchor) -> Markdown blocks shown under each article of a law page.
ARTICLE_BLOCK_PROVIDERS: list[ArticleBlocks] = []


def define_env(env):
    docs_dir = Path(env.conf["docs_dir"])
    offices = referral_dir.load_referrals()
    local = referral_dir.local_settings(env.conf.get("extra") or {}, offices, "mkdocs.yml")
    for path in sorted(docs_dir.rglob("*.md")):
        meta = load_page_meta(path)  # a bad front matter stops the build here, naming the file
        shown = path.relative_to(docs_dir.parent)  # docs/reception/x.md, as the editor knows it
        referral_dir.check_referral_ids(meta.referrals, offices, shown)
        check_forms(meta, docs_dir, shown)

    def page_dir() -> str:
        return Path(env.page.file.src_uri).parent.as_posix()

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
        return lookup_table(reception_scripts(docs_dir), docs_dir, page_dir())

    @env.macro
    def law_table() -> str:
        """法律目录表：从各法律页面的页首信息生成。"""
        return catalogue_table(law_pages(docs_dir), from_dir=page_dir())


def on_post_page_macros(env):
    law = env.page.meta.get("law")
    if isinstance(law, dict) and ARTICLE_BLOCK_PROVIDERS:
        env.markdown = augment_law_markdown(env.markdown, law["id"], ARTICLE_BLOCK_PROVIDERS)
