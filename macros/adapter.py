"""The MkDocs adapter: the only module that imports mkdocs. It wires the plain-Python engine
(macros/core, laws, xref, content, search) into the build and holds the build's state on the
plugin object, one build at a time.

Registered as the MkDocs plugin `zhishiku` (pyproject.toml entry point); mkdocs-macros-plugin
renders the pages' Jinja, with this plugin's macros registered into it. The steps, in order
(event priorities make the order explicit, whatever the order of plugins in mkdocs.yml):

1. on_config (before mkdocs-macros sets up its macros): load the site model — every project file
   read once — and stop the build, writing nothing, if any content problem was found;
   register the macros.
2. on_nav: the reception navigation's groups, for the 接待速查 table.
3. on_page_read_source: each page's text from the model (MkDocs does not read it again); a law
   page gets its generated blocks under each article (要点, 沿革, backlinks).
4. on_page_markdown (before mkdocs-macros renders it): which page the macros are rendering.
5. on_page_content: every citation in the page's HTML linked to its article.
6. on_post_build (after the search plugin has written its index): the search data and the
   prebuilt index, and the Word files of the templates."""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .build import BuildMacros
from .content.reception import NavGroup
from .core.errors import ContentProblems
from .core.paths import ProjectPaths
from .site import Site, load_site


class KnowledgeBaseConfig(Config):
    data_dir = c.Type(str, default="data")  # site-wide data lists, relative to mkdocs.yml
    cross_references = c.Type(bool, default=True)  # off only to measure their cost (make bench-build)


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.macros: BuildMacros | None = None
        self.page: Page | None = None

    def _site(self) -> Site:
        if self.site is None:
            raise PluginError("知识库插件的内容还没有载入：mkdocs.yml 的 plugins 里需要 zhishiku")
        return self.site

    # 1
    @event_priority(100)
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        paths = ProjectPaths.at(root, docs=config.docs_dir, data=root / self.config.data_dir)
        site, problems = load_site(paths, dict(config.extra), scan_citations=self.config.cross_references)
        if problems:
            # PluginError: MkDocs prints the message without a traceback and writes nothing
            raise PluginError(str(ContentProblems(problems)))
        self.site = site
        self.macros = BuildMacros(site, lambda: self.page, self.config.cross_references)
        macros_plugin = config.plugins.get("macros")
        if macros_plugin is None:
            raise PluginError("mkdocs.yml 的 plugins 里需要 macros（mkdocs-macros-plugin）来展开页面里的 {{ … }}")
        macros_plugin.register_macros(self.macros.functions())
        return config

    # 2
    def on_nav(self, nav: Navigation, config, files):
        assert self.macros is not None
        self.macros.reception_groups = reception_groups(nav)
        return nav

    # 3
    def on_page_read_source(self, page: Page, config) -> str | None:
        assert self.macros is not None
        return self.macros.page_source(page.file.src_uri)

    # 4
    @event_priority(100)
    def on_page_markdown(self, markdown: str, page: Page, config, files) -> str:
        self.page = page
        return markdown

    # 5
    def on_page_content(self, html: str, page: Page, config, files) -> str:
        assert self.macros is not None
        page_dir = posixpath.dirname(page.file.url)

        def url_for(article) -> str:
            target = files.get_file_from_path(article.page)
            if target is None:
                raise PluginError(f"{article.page}：引用的条文所在页面不在本次构建中")
            if target.url == page.file.url:
                return f"#{article.anchor}"
            return f"{posixpath.relpath(target.url, page_dir or '.')}#{article.anchor}"

        return self.macros.link_citations(html, page.file.src_uri, url_for)

    # 6
    @event_priority(-100)
    def on_post_build(self, config) -> None:
        assert self.macros is not None
        self.macros.write_outputs(Path(config.site_dir), config.use_directory_urls)


def reception_groups(nav: Navigation) -> list[NavGroup]:
    """Sections of the navigation whose pages are all reception pages: (title, pages)."""
    groups: list[NavGroup] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, Section):
                pages = [p.file.src_uri for p in item.children if isinstance(p, Page)]
                if pages and len(pages) == len(item.children) and all(p.startswith("reception/") for p in pages):
                    groups.append((item.title, pages))
                walk(item.children)

    walk(nav.items)
    return groups
