"""mkdocs-macros adapter: wires the plain-Python engine in this package into the build.

Keep this file thin (see DESIGN.md, "Keep the engine portable"): it reads mkdocs' config and
page objects and calls engine functions that know nothing of mkdocs."""
from __future__ import annotations

from pathlib import Path

from .lawcatalogue import catalogue_table, law_pages


def define_env(env):
    docs_dir = Path(env.conf["docs_dir"])

    @env.macro
    def law_table() -> str:
        """法律目录表：从各法律页面的页首信息生成。"""
        page_dir = Path(env.page.file.src_uri).parent.as_posix()
        return catalogue_table(law_pages(docs_dir), from_dir=page_dir)
