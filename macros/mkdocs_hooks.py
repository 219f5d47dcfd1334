"""MkDocs hook (mkdocs.yml `hooks:`): links every recognised citation in a page's HTML to its
article. The registry and finder come from this build's define_env (macros/__init__.py)."""
from __future__ import annotations

import posixpath
import sys
from pathlib import Path

# MkDocs loads this file by path; make the macros package importable as itself.
sys.path.insert(0, str(Path(__file__).parent.parent))

from macros import adapter  # noqa: E402
from macros.xref.links import link_citations  # noqa: E402


def on_page_content(html, page, config, files):
    xref = adapter.XREF
    if xref is None or not xref.enabled:
        return html
    page_dir = posixpath.dirname(page.file.url)

    def url_for(article) -> str:
        target = files.get_file_from_path(article.page)
        if target.url == page.file.url:
            return f"#{article.anchor}"
        return f"{posixpath.relpath(target.url, page_dir or '.')}#{article.anchor}"

    current_law = xref.registry.page_law.get(page.file.src_uri)
    return link_citations(html, xref.registry, xref.finder, url_for, current_law)
