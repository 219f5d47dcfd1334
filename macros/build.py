"""One build of the site, from its loaded model: the page macros, each page's source, the
citation links in each page's HTML, and what the build writes after the pages (search data and
index, Word files). The MkDocs adapter (adapter.py) calls these in order; nothing here imports
mkdocs, so another site generator needs only another adapter."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .content import referrals as referral_dir
from .content.glossary import glossary_markdown
from .content.handbook import HANDBOOK_DIR, Handbook, RenderedPage, handbook_html, handbooks_for
from .content.quiz_render import MACRO_NAMES as QUIZ_MACROS
from .content.quiz_render import macros as quiz_macros
from .content.reception import NavGroup, contents_list, lookup_table, reception_scripts
from .content.remedies import remedies_markdown
from .content.templatedata import Entry, page_slug
from .content.templatehtml import catalogue_markdown, downloads_html, sample_html
from .core.errors import ContentError
from .core.paths import page_url
from .core.templates import template_problems
from .laws import amendment
from .laws.augment import ArticleBlocks, augment_law_markdown
from .laws.catalogue import catalogue_table
from .laws.registry import RegisteredArticle
from .search.data import DIRECTORY_PAGE, article_keyword_blocks, client_data, write_client_data
from .site import Site
from .xref.links import link_citations
from .xref.views import backlinks_block, citation_index, topic_index, unknown_law_report, unverified_quotation_report

NAV_TITLE_CHARS = 12  # CJK characters on one line of Material's sidebar at 1280 px, nested once


class BuildMacros:
    """The build's state: the site model, the page being rendered (a callable giving an object
    with `.file.src_uri` and `.meta`), and what is derived once per build."""

    def __init__(
        self, site: Site, current_page: Callable[[], Any], cross_references: bool = True, handbooks: bool = False
    ):
        self.site = site
        self.current_page = current_page
        self.cross_references = cross_references
        self.reception_groups: list[NavGroup] = []
        self.nav_order: list[str] = []  # every page of the navigation, in order
        # the printed handbooks (make handbook): which pages they hold, and those pages as rendered
        self.handbooks_on = handbooks
        self.books: list[Handbook] = []
        self.rendered: dict[str, RenderedPage] = {}
        assert site.registry is not None and site.finder is not None
        self.registry, self.finder, self.graph = site.registry, site.finder, site.graph
        # under each article of a law page: 要点 (also weighted by the search), 沿革 from
        # amendment decisions, then backlinks (quiz pages among them)
        self.article_blocks: list[ArticleBlocks] = [
            article_keyword_blocks(site.keywords),
            amendment.article_blocks(site.amendments),
        ]
        if cross_references:
            self.article_blocks.append(self._backlinks)
        self._cache: dict[tuple, str] = {}

    # ---- pages ---------------------------------------------------------------------------

    def page_source(self, rel: str) -> str | None:
        """The page's Markdown as the model read it; a law page with its generated blocks."""
        page = self.site.pages.get(rel)
        if page is None:
            return None
        law_id = self.registry.page_law.get(rel)
        if law_id is None:
            return page.text
        return augment_law_markdown(page.text, law_id, self.article_blocks)

    def nav_titles(self) -> dict[str, str]:
        """The navigation's title of each law page: the law's first short name that fits on one
        line of the sidebar (NAV_TITLE_CHARS), else its shortest; 土地管理法, not 中华人民共和国土地管理法."""
        out = {}
        for rel, law_id in self.registry.page_law.items():
            names = self.registry.laws[law_id].short_names
            if names:
                fits = [n for n in names if len(n) <= NAV_TITLE_CHARS]
                out[rel] = fits[0] if fits else min(names, key=len)
        return out

    def set_navigation(self, groups: list[NavGroup], order: list[str]) -> None:
        """The navigation MkDocs built: the reception groups (接待速查, 接待手册) and the page order."""
        self.reception_groups, self.nav_order = groups, order
        if self.handbooks_on:
            site = self.site
            self.books = handbooks_for(site.metas(), groups, order, site.bank, set(site.pages))

    def wants_html(self, rel: str) -> bool:
        """Does a handbook need this page's rendered HTML?"""
        return any(ch.src == rel for b in self.books for ch in b.all_chapters())

    def keep_html(self, rel: str, url: str, html: str) -> None:
        self.rendered[rel] = RenderedPage(rel, url, html)

    def write_handbooks(self, site_dir: Path, url_to_src: dict[str, str], date: str) -> list[Path]:
        """handbook/<id>.html for each book, for scripts/build/handbook.py to print."""
        out = []
        for book in self.books:
            path = site_dir / HANDBOOK_DIR / f"{book.id}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            laws = [e.id for e in self.site.law_list]
            text = handbook_html(book, self.rendered, url_to_src, self.registry, self.site.township, date, laws)
            path.write_text(text, encoding="utf-8")
            out.append(path)
        return out

    def _backlinks(self, law_id: str, anchor: str) -> list[str]:
        page = self.registry.laws[law_id].articles[anchor].page
        return backlinks_block(self.graph, page, self.graph.pages_citing(law_id, anchor))

    def link_citations(self, html: str, rel: str, url_for: Callable[[RegisteredArticle], str]) -> str:
        if not self.cross_references:
            return html
        return link_citations(html, self.registry, self.finder, url_for, self.registry.page_law.get(rel))

    # ---- macros --------------------------------------------------------------------------

    def here(self) -> str:
        return self.current_page().file.src_uri

    def here_dir(self) -> str:
        return posixpath.dirname(self.here()) or "."

    def _once(self, key: tuple, make: Callable[[], str]) -> str:
        """Tables that do not depend on the page beyond its folder are made once per folder."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def functions(self) -> dict[str, Callable[..., str]]:
        site = self.site

        def township_name() -> str:
            """本镇名称（mkdocs.yml 的 extra.township.name）。"""
            return site.township.name

        def referral_list() -> str:
            """本页页首 referrals 所列转办去向：单位、电话、管哪些事。
            (Not named `referrals`: the page's front-matter key of that name would hide it.)"""
            ids = self.current_page().meta.get("referrals") or []
            return referral_dir.referral_list(ids, site.offices, site.township, self.here())

        def referral_directory() -> str:
            """转办目录全表；有单位的电话还没填时，表前提醒工作人员。"""
            notice = referral_dir.phone_notice(site.offices, site.township)
            return notice + referral_dir.directory_table(site.offices, site.township)

        def handbook_links() -> str:
            """首页的“打印版手册”一节：本次构建印好的手册（PDF），没有印手册时不显示。"""
            if not self.books:
                return ""
            rel = posixpath.relpath(HANDBOOK_DIR, self.here_dir())
            items = "".join(
                f'<li><a href="{rel}/{b.id}.pdf">{b.title}（PDF，A4）</a>：{b.purpose}</li>' for b in self.books
            )
            return (
                "## 打印版手册 {#handbooks}\n\n"
                f"{site.township.name}的两本手册，用 A4 纸双面打印后装订，放在接待台和办公桌上。\n\n"
                f'<ul class="handbook-links">{items}</ul>\n'
            )

        def reception_lookup() -> str:
            """接待速查表：从各接待话术页的页首信息生成。"""
            titles = {rel: m.title or Path(rel).stem for rel, m in site.metas().items()}
            return self._once(
                ("lookup", self.here_dir()),
                lambda: lookup_table(reception_scripts(site.metas()), self.reception_groups, titles, self.here_dir()),
            )

        def reception_contents() -> str:
            """接待话术各组的目录：按导航分组列出每一页（新页加进 .nav.yml 就会出现在这里）。"""
            return contents_list(reception_scripts(site.metas()), self.reception_groups, self.here_dir())

        def renumbering_table(law_id: str, added: bool = False) -> str:
            """修改前后条文序号对照表（added=True 时为新增条文表），由修改决定或新旧两个文本生成。"""
            if law_id not in site.amendments:
                raise ContentError(
                    self.here(),
                    f"renumbering_table：法律清单里没有修改“{law_id}”的决定，这部法律也没有写 previous（上一版本的来源文件）",
                )
            a = site.amendments[law_id]
            return (
                amendment.added_table(a, self.here_dir()) if added else amendment.renumbering_table(a, self.here_dir())
            )

        def law_table() -> str:
            """法律目录表：从各法律页面的页首信息生成。"""
            return self._once(("laws", self.here()), lambda: catalogue_table(self.registry, site.law_list, self.here()))

        def citation_index_table() -> str:
            """法条引用索引：每条被哪些页面引用，每页引用了哪些条。"""
            return citation_index(self.registry, self.graph, self.here())

        def topics_index() -> str:
            """主题索引：按页首 topics: 汇总各类页面。"""
            return topic_index(site.topics, site.titles, self.here())

        def glossary() -> str:
            """术语表：docs/indexes/glossary.yaml。"""
            return glossary_markdown(site.terms)

        def remedies_table() -> str:
            """救济途径与时限：docs/reception/remedies.yaml，每项一节，锚点是该项的 id。"""
            return remedies_markdown(site.remedies)

        def unknown_law_citations() -> str:
            """引用了本站未收录法律的地方。"""
            return unknown_law_report(self.graph, self.here())

        def unverified_quotations() -> str:
            """引用了本站未收录法律、因而还不能核对的引文。"""
            return unverified_quotation_report(self.graph, self.here())

        def this_template() -> Entry:
            found = page_slug(self.here())
            if found is None or found[1] not in site.templates:
                raise KeyError(f"{self.here()} 不是模板页，或它旁边没有同名的 .yaml 数据文件")
            return site.templates[found[1]]

        def template_sample(which: str = "example") -> str:
            """本页公文（表格）的范例（"example"）或填空模板（"skeleton"）。"""
            return sample_html(this_template(), which)

        def template_downloads() -> str:
            """本页的 Word 下载按钮。"""
            return downloads_html(this_template())

        def template_table(section: str = "templates") -> str:
            """全部文种（"templates"）或全部表格（"forms"）的目录表。"""
            return catalogue_markdown(site.templates, section, self.here_dir())

        out: dict[str, Callable[..., str]] = {
            f.__name__: f
            for f in (
                township_name,
                referral_list,
                referral_directory,
                handbook_links,
                reception_lookup,
                reception_contents,
                renumbering_table,
                law_table,
                citation_index_table,
                topics_index,
                glossary,
                remedies_table,
                unknown_law_citations,
                unverified_quotations,
                template_sample,
                template_downloads,
                template_table,
            )
        }
        if site.bank is not None:
            out.update(quiz_macros(site.bank, self.here_dir))
        return out

    # ---- MkDocs' own messages, in the editors' words --------------------------------------

    def translate(self, message: str) -> str | None:
        """A warning of MkDocs' (a broken link or anchor, a page missing from the navigation) in the
        same Chinese form as every other content problem, with the file and, where the link is
        written in the page, its line. None: not one of those."""
        return translate_mkdocs_message(message, self.site)

    def template_problems(self, extra: dict | None = None) -> list[ContentError]:
        """Macro syntax and unknown macro names in every page (core/templates.py): found before
        mkdocs-macros renders anything, so the editor gets file, line and a Chinese message."""
        names = set(self.functions()) | set(QUIZ_MACROS)  # quiz macros exist even while the bank has problems
        out: list[ContentError] = []
        for rel, page in sorted(self.site.pages.items()):
            if rel in self.registry.page_law or page.meta is None:
                continue
            keys = set(page.meta.model_dump(exclude_defaults=True)) | set(extra or {})
            out += template_problems(page.body, page.path, page.body_line, names, keys)
        return out

    # ---- after the pages -----------------------------------------------------------------

    def write_outputs(self, site_dir: Path, use_directory_urls: bool) -> None:
        from .content.docx import write_all  # python-docx only when Word files are written

        site = self.site
        if site.vocab is not None:
            # the search's vocabulary, law names and 要点, read by docs/assets/javascripts/lawsearch.js
            offices = [
                {
                    "id": o.id,
                    "location": f"{page_url(DIRECTORY_PAGE, use_directory_urls)}#{referral_dir.office_anchor(o.id)}",
                    "name": site.township.local_name(o.name),
                    "words": [site.township.local_name(o.name), *o.aka, *o.matters],
                    "matters": o.matters,  # shown under the office when search offers it
                    "outside": o.not_covered,
                    "asks": site.outside_questions.get(o.id, []),  # learnt from, not sent (client_data)
                }
                for o in site.offices.values()
            ]
            data = client_data(
                site.page_texts(),
                self.registry,
                site.vocab,
                site.law_list,
                site.keywords,
                use_directory_urls,
                metas=site.metas(),
                finder=site.finder,
                offices=offices,
                questions=site.questions,
            )
            write_client_data(site_dir, data)
        write_all(site.templates, site_dir)


_MKDOCS = [
    (
        re.compile(
            r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not found "
            r"among documentation files\.(?: Did you mean '(?P<hint>[^']+)'\?)?"
        ),
        "链接“{link}”指向的页面不存在{hint}；请写 docs/ 下已有页面的相对路径（如 ../templates/forms/visit-register.md）",
    ),
    (
        re.compile(
            r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the doc '(?P<target>[^']+)' does "
            r"not contain an anchor '#(?P<anchor>[^']+)'\."
        ),
        "链接“{link}”的锚点 #{anchor} 在 docs/{target} 里不存在；请核对小标题或条号（条文锚点形如 #art-62）",
    ),
    (
        re.compile(
            r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but there is no such anchor on this page\."
        ),
        "链接“{link}”指向本页的锚点不存在；请核对小标题",
    ),
    (
        re.compile(r"^Doc file '(?P<page>[^']+)' contains an absolute link '(?P<link>[^']+)', it was left as is\."),
        "链接“{link}”以 / 开头：从共享文件夹或 U 盘打开时会失效，请改成相对路径",
    ),
    (
        re.compile(
            r"^Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', it was left as is\."
            r"(?: Did you mean '(?P<hint>[^']+)'\?)?"
        ),
        "链接“{link}”不是页面文件：请写到 .md 文件{hint}",
    ),
    (
        re.compile(
            r"^Doc file '(?P<page>[^']+)' contains a link to '(?P<link>[^']+)' which is excluded from the built site\."
        ),
        "链接“{link}”指向不发布的文件（数据文件不单独成页）；请链接显示它的页面",
    ),
]


def translate_mkdocs_message(message: str, site: Site) -> str | None:
    for pattern, chinese in _MKDOCS:
        m = pattern.match(message)
        if not m:
            continue
        fields = m.groupdict()
        hint = fields.get("hint")
        fields["hint"] = f"（是不是 {hint}？）" if hint else ""
        page = site.pages.get(fields["page"])
        path = page.path if page else site.paths.docs / fields["page"]
        line = None
        if page is not None:
            line = next(
                (
                    i
                    for i, text in enumerate(page.text.split("\n"), 1)
                    if f"({fields['link']}" in text or f'"{fields["link"]}"' in text
                ),
                None,
            )
        return str(ContentError(path, chinese.format(**fields), line=line))
    return None
