"""The MkDocs adapter: the only module that imports mkdocs. It wires the plain-Python engine
(macros/core, laws, xref, content, search) into the build and holds the build's state on the
plugin object, one build at a time.

Registered as the MkDocs plugin `zhishiku` (pyproject.toml entry point); mkdocs-macros-plugin
renders the pages' Jinja, with this plugin's macros registered into it. The steps, in order
(event priorities make the order explicit, whatever the order of plugins in mkdocs.yml):

1. on_config (before mkdocs-macros sets up its macros): load the site model — every project file
   read once — and stop the build, writing nothing, if any content problem was found;
   register the macros; keep Material's search plugin from segmenting the text with jieba.
2. on_nav: the reception navigation's groups (接待速查, 接待手册) and the page order; law pages
   go by their short names in the navigation.
3. on_page_read_source: each page's text from the model (MkDocs does not read it again); a law
   page gets its generated blocks under each article (要点, 沿革, backlinks).
4. on_page_markdown (before mkdocs-macros renders it): which page the macros are rendering.
5. on_page_content: every citation in the page's HTML linked to its article; the pages of the
   printed handbooks kept as rendered.
6. on_post_build (after the search plugin has written its index): the search data and the
   prebuilt index, the Word files of the templates, the handbooks' HTML (make build prints them:
   scripts/build/handbook.py), and a note (not a warning) naming the referral phones still blank."""

from __future__ import annotations

import datetime
import functools
import logging
import os
import posixpath
import tempfile
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .build import BuildMacros
from .content.quiz_render import MACRO_NAMES as QUIZ_MACROS
from .content.reception import NavGroup
from .core.errors import ContentProblems
from .core.paths import ProjectPaths
from .site import Site, load_site


def _no_jieba_segmentation() -> None:
    """Material's search plugin cuts every Chinese run of every page with jieba whenever jieba
    is importable (several seconds of each build), for a lunr index nothing reads: the site's
    search (lawsearch.js) builds its own index from the plain text. jieba is not a requirement;
    where another package has installed it, the plugin is told it is not there."""
    try:
        from material.plugins.search import plugin as search_plugin  # type: ignore[import-untyped]
    except ImportError:  # another theme: nothing to do
        return
    search_plugin.jieba = None


class KnowledgeBaseConfig(Config):
    data_dir = c.Type(str, default="data")  # site-wide data lists, relative to mkdocs.yml
    cross_references = c.Type(bool, default=True)  # off only to measure their cost (make bench-build)
    # `make check` (check_build below): collect every problem instead of stopping, write nothing
    check_only = c.Type(bool, default=False)
    handbooks = c.Type(bool, default=False)  # write the handbooks' HTML for printing (make handbook)


log = logging.getLogger("mkdocs.plugins.zhishiku")


# MkDocs' loggers whose warnings are content problems (links, anchors, navigation), and
# mkdocs-macros' (its page errors: the template check reports them first, in Chinese)
_MKDOCS_LOGGERS = (
    "mkdocs.structure.pages",
    "mkdocs.structure.nav",
    "mkdocs.commands.build",
    "mkdocs.plugins.mkdocs_macros.util",
)


class _Translate(logging.Filter):
    """Rewrites MkDocs' warnings about links, anchors and the navigation into the Chinese form of
    every other content problem (file, line, what to do); in `make check` also collects them."""

    def __init__(self, plugin: KnowledgeBasePlugin):
        super().__init__()
        self.plugin = plugin

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING and self.plugin.macros is not None:
            chinese = self.plugin.macros.translate(record.getMessage())
            if chinese is not None:
                record.msg, record.args = chinese, ()
            if self.plugin.config.check_only:
                # mkdocs-macros' own page errors are found first, in Chinese, by the template
                # check and the guarded macros; its English traceback adds nothing
                if not record.name.startswith("mkdocs.plugins.mkdocs_macros"):
                    self.plugin.collected.append(record.getMessage())
                return False
        return True


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.macros: BuildMacros | None = None
        self.page: Page | None = None
        self.collected: list[str] = []  # problems found, in check mode
        self.unrenderable: set[str] = set()  # pages with macro problems (shown paths)
        self.failed_data: set[str] = set()  # data files with problems, without .yaml
        self._filter = _Translate(self)
        self.url_to_src: dict[str, str] = {}  # built address → docs-relative page (the handbooks)
        self.config_shown = "mkdocs.yml"

    def _site(self) -> Site:
        if self.site is None:
            raise PluginError("知识库插件的内容还没有载入：mkdocs.yml 的 plugins 里需要 zhishiku")
        return self.site

    # 1
    @event_priority(100)
    def on_config(self, config):
        # The project is the folder of docs/: mkdocs.yml, or a township's file in data/townships/
        # that inherits it (INHERIT) and names docs_dir from its own folder.
        root = Path(config.docs_dir).parent
        paths = ProjectPaths.at(root, docs=config.docs_dir, data=root / self.config.data_dir)
        self.config_shown = paths.shown(config.config_file_path)
        site, problems = load_site(
            paths, dict(config.extra), scan_citations=self.config.cross_references, config_name=self.config_shown
        )
        self.site = site
        _no_jieba_segmentation()
        handbooks = self.config.handbooks and not self.config.check_only
        self.macros = BuildMacros(site, lambda: self.page, self.config.cross_references, handbooks)
        template_problems = self.macros.template_problems(dict(config.extra))
        problems += template_problems
        # pages whose macros cannot be rendered: in check mode shown as written, so their
        # headings (and the anchors other pages link to) are still there
        self.unrenderable = {paths.shown(p.path) for p in template_problems}
        for name in _MKDOCS_LOGGERS:
            logging.getLogger(name).addFilter(self._filter)
        if self.config.check_only:
            self.collected += [str(p) for p in problems]
            self.failed_data = {p.path.removesuffix(".yaml") for p in problems if p.path.endswith(".yaml")}
        elif problems:
            # PluginError: MkDocs prints the message without a traceback and writes nothing
            raise PluginError(str(ContentProblems(problems)))
        macros_plugin = config.plugins.get("macros")
        if macros_plugin is None:
            raise PluginError("mkdocs.yml 的 plugins 里需要 macros（mkdocs-macros-plugin）来展开页面里的 {{ … }}")
        if self.config.check_only:
            macros_plugin.config["on_error_fail"] = False  # go on to the next page
        functions = self.macros.functions()
        if self.config.check_only:  # a part that failed to load still has its macros, empty
            functions = {name: (lambda *a, **k: "") for name in QUIZ_MACROS} | functions
        macros_plugin.register_macros({name: self._guarded(name, fn) for name, fn in functions.items()})
        return config

    def _guarded(self, name, fn):
        """A macro whose failure is reported in Chinese with the page, instead of mkdocs-macros'
        English traceback (it stops the build on any error; in check mode the page goes on)."""

        @functools.wraps(fn)
        def run(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except Exception as e:
                where = self.page.file.src_uri if self.page else "?"
                message = f"docs/{where}：宏 {name}() 出错：{getattr(e, 'message', None) or e}"
                if self.config.check_only:
                    # a page whose own data file has a problem: that problem is listed already
                    if f"docs/{where}".removesuffix(".md") not in self.failed_data:
                        self.collected.append(message)
                    return ""
                logging.getLogger("mkdocs.plugins.zhishiku").error(message)
                raise

        return run

    # 2
    def on_nav(self, nav: Navigation, config, files):
        assert self.macros is not None
        self.macros.set_navigation(reception_groups(nav), [p.file.src_uri for p in nav.pages])
        self.url_to_src = {f.url: f.src_uri for f in files.documentation_pages()}
        # law pages go by their short name in the navigation (土地管理法); the page keeps its
        # full name as its heading. A title given in a .nav.yml (民法典's 编) is kept.
        short = self.macros.nav_titles()
        for page in nav.pages:
            if page.file.src_uri in short and "title" not in vars(page):
                page.title = short[page.file.src_uri]
        return nav

    # 3
    def on_page_read_source(self, page: Page, config) -> str | None:
        assert self.macros is not None
        source = self.macros.page_source(page.file.src_uri)
        # a page the model could not read (a GBK or binary file): reported already (check mode)
        return source if source is not None else "（本页读取失败，见内容检查列出的问题）\n"

    # 4
    @event_priority(100)
    def on_page_markdown(self, markdown: str, page: Page, config, files) -> str:
        self.page = page
        if self.config.check_only and f"docs/{page.file.src_uri}" in self.unrenderable:
            page.meta["render_macros"] = False
        # a title is text wherever the theme prints it (navigation, <title>, search results)
        if page.title and not isinstance(page.title, Markup) and any(ch in page.title for ch in "<>&"):
            page.title = escape(page.title)
        meta_title = page.meta.get("title")
        if isinstance(meta_title, str) and not isinstance(meta_title, Markup) and any(ch in meta_title for ch in "<>&"):
            page.meta["title"] = escape(meta_title)
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

        html = self.macros.link_citations(html, page.file.src_uri, url_for)
        if self.macros.wants_html(page.file.src_uri):
            self.macros.keep_html(page.file.src_uri, page.file.url, html)
        return html

    # 6
    @event_priority(-100)
    def on_post_build(self, config) -> None:
        assert self.macros is not None
        for name in _MKDOCS_LOGGERS:
            logging.getLogger(name).removeFilter(self._filter)
        if self.config.check_only:
            return
        assert self.site is not None
        self.macros.write_outputs(Path(config.site_dir), config.use_directory_urls)
        if self.macros.handbooks_on:
            self.macros.write_handbooks(Path(config.site_dir), self.url_to_src, build_date())
        blank = self.site.township.offices_without_phone(self.site.offices)
        if blank:
            # INFO, not WARNING: a strict build must still succeed with the phones left blank
            log.info(
                f"提醒：转办目录里有 {len(blank)} 个单位还没有填电话（{'、'.join(blank)}）。"
                f"请在 {self.config_shown} 的 extra.referral_phones 里填上；"
                "填好之前，网站的转办目录页会提醒工作人员先向党政办问清号码。"
            )


def check_build(paths: ProjectPaths) -> list[str]:
    """`make check`'s last step: the real build in check mode, into a folder that is thrown
    away, so that the problems only a build finds (links, anchors, macros, the navigation) are
    listed with all the others; nothing stops at the first one."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory(prefix="kb-check-") as tmp:
        config = load_config(config_file=str(paths.config), site_dir=tmp, strict=False)
        plugin = config.plugins.get("zhishiku")
        if not isinstance(plugin, KnowledgeBasePlugin):
            raise PluginError("mkdocs.yml 的 plugins 里需要 zhishiku（本站的插件）")
        plugin.config.check_only = True
        logging.getLogger("jieba").setLevel(logging.WARNING)  # the search index's word cutter chats
        build(config)
        return list(dict.fromkeys(plugin.collected))


def build_date() -> str:
    """The date printed on the handbooks' covers: today, or SOURCE_DATE_EPOCH for a
    reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = datetime.date.fromtimestamp(int(epoch)) if epoch else datetime.date.today()
    return f"{day.year}年{day.month}月{day.day}日"


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
