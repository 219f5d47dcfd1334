"""The printed handbooks (make handbook): the 接待手册 for the reception desk's binder and the
新人自学手册 for new staff, made from the same pages as the site.

Which pages, in which order, is decided here from the site itself, so a new reception script or
training module is in the next printed handbook without anyone listing it:

- 接待手册: 接待速查, 接待通则, every reception script under its navigation group (土地和宅基地 …;
  scripts in no group under 其他情形), 转办目录 (with the township's phones), 救济途径与时限.
- 新人自学手册: the study path, every training module in navigation order, each module's quiz
  paper; the answer keys come last, after the appendix, so a trainee does the paper first.

Each book ends with an appendix of the articles its chapters cite, and only those (the full law
texts would be hundreds of pages), with each law's version and effective date.

The build captures each page's content HTML (after citations are linked, before the theme puts
navigation around it) and this module assembles one HTML document per book: a cover with the
township's name and the date, a table of contents, one chapter per page with its own running
head, the appendix. Links become what paper can show: a link to another chapter gets its page
number (filled in by scripts/build/handbook.py, which prints the document with Chromium and
reads back on which page each target landed), a citation stays its text — the law and article
number — and points to the article in the appendix, a link to a page not in the book says it is
on the site. Plain Python, no mkdocs import."""

from __future__ import annotations

import html as htmllib
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from ..laws.registry import LawRegistry
from .quiz_model import QuizBank, module_pages
from .reception import NavGroup, reception_scripts
from .township import TownshipSettings

HANDBOOK_DIR = "handbook"  # in the built site: handbook/<id>.html (printed to <id>.pdf)
CSS = "assets/stylesheets/handbook.css"  # docs-relative
PAGEREF_PLACEHOLDER = "00"  # digits the printer replaces with the page number
ON_SITE = "（见知识库网站）"


@dataclass(frozen=True)
class Chapter:
    src: str  # docs-relative page: reception/homestead-application.md
    part: str  # the part of the book it belongs to (目录 groups chapters by part)


@dataclass
class Handbook:
    id: str  # reception → handbook/reception.pdf
    title: str  # 接待手册
    purpose: str  # one line on the cover: who it is for
    chapters: list[Chapter]
    end: list[Chapter] = field(default_factory=list)  # after the appendix (answer keys)
    # a page of the site whose place in this book is another page's chapter: a module's online
    # practice → its printed paper
    stands_for: dict[str, str] = field(default_factory=dict)

    @property
    def pdf(self) -> str:
        return f"{HANDBOOK_DIR}/{self.id}.pdf"

    def all_chapters(self) -> list[Chapter]:
        return [*self.chapters, *self.end]


@dataclass(frozen=True)
class RenderedPage:
    """A page as the build rendered it: its address in the site and its content HTML."""

    src: str  # docs-relative: reception/lookup.md
    url: str  # site-relative: reception/lookup.html
    html: str


# ---- which pages ------------------------------------------------------------------------------


def reception_handbook(
    metas: dict, groups: list[NavGroup], pages: set[str], nav_order: list[str] | None = None
) -> Handbook:
    """接待手册. metas: docs-relative path → front matter; groups: the reception navigation's
    groups (title, pages); pages: every page of the site."""
    order = {p: i for i, p in enumerate(nav_order or [])}
    scripts = sorted((s.path for s in reception_scripts(metas)), key=lambda p: (order.get(p, len(order)), p))
    front: list[str] = [p for p in ("reception/lookup.md", "reception/general.md") if p in pages]
    back: list[str] = [p for p in ("reception/directory.md", "reception/remedies.md") if p in pages]
    chapters = [Chapter(p, "速查与通则") for p in front]
    placed: set[str] = {*front, *back}
    for title, members in groups:
        for p in members:
            if p in scripts and p not in placed:
                chapters.append(Chapter(p, title))
                placed.add(p)
    chapters += [Chapter(p, "其他情形") for p in scripts if p not in placed]
    chapters += [Chapter(p, "转办和救济") for p in back]
    return Handbook(
        "reception",
        "接待手册",
        "群众来访时放在手边：先查速查表，再照话术接待，转办前看转办目录，告知期限前看救济途径与时限。",
        chapters,
    )


def study_handbook(nav_order: list[str], bank: QuizBank | None, pages: set[str]) -> Handbook:
    """新人自学手册: the study path, the modules in navigation order, their quiz papers; the keys
    at the end. nav_order: every page of the navigation, in order."""
    modules = [p for p in nav_order if p.startswith("training/") and p.count("/") == 1 and p != "training/index.md"]
    chapters = [Chapter("training/index.md", "学习路线")] if "training/index.md" in pages else []
    chapters += [Chapter(p, "培训单元") for p in modules]
    papers, keys, stands_for = [], [], {}
    for p in modules:
        slug = posixpath.splitext(posixpath.basename(p))[0]
        if bank is not None and slug in bank.modules:
            mp = module_pages(slug)
            if mp["paper"] in pages:
                papers.append(Chapter(mp["paper"], "练习试卷"))
                stands_for[mp["practice"]] = mp["paper"]
            keys += [Chapter(mp["key"], "参考答案")] if mp["key"] in pages else []
    return Handbook(
        "study",
        "新人自学手册",
        "刚到党政办的同志按学习路线自学：每个单元学完做一份试卷，参考答案在书末。",
        chapters + papers,
        end=keys,
        stands_for=stands_for,
    )


# ---- one HTML document per book ---------------------------------------------------------------

_TAG = re.compile(r"(<[^>]*>)")
_ATTR = re.compile(r'\s(id|href|title)="([^"]*)"')
_DROP = [
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S),  # the ¶ after each heading
    re.compile(r"<script\b.*?</script>", re.S),
    re.compile(r"<button\b.*?</button>", re.S),
    re.compile(r"<form\b.*?</form>", re.S),
    re.compile(r'<span class="quiz-progress"[^>]*>\s*</span>'),  # this browser's quiz scores
    re.compile(r'<div class="tpl-downloads".*?</div>', re.S),  # Word download buttons
]
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)


def _text(fragment: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


class _Assembler:
    """Holds the book's address book: page → chapter id, (page, anchor) → element id, the
    articles cited. Element ids are made ASCII (c3-7) so that the printer finds them again as
    the PDF's named destinations."""

    def __init__(self, book: Handbook, pages: dict[str, RenderedPage], url_to_src: dict[str, str], registry):
        self.book, self.pages, self.url_to_src, self.registry = book, pages, url_to_src, registry
        self.chapter_id = {ch.src: f"c{i}" for i, ch in enumerate(book.all_chapters(), start=1)}
        self.ids: dict[tuple[str, str], str] = {}
        self.cited: dict[tuple[str, str], str] = {}  # (law id, anchor) → appendix element id
        for ch in book.all_chapters():
            page = pages[ch.src]
            for n, m in enumerate(re.finditer(r'\sid="([^"]*)"', page.html), start=1):
                self.ids[(ch.src, htmllib.unescape(m.group(1)))] = f"{self.chapter_id[ch.src]}-{n}"

    def target(self, page: RenderedPage, href: str) -> tuple[str, str | None]:
        """What a link points to: ("chapter", id) inside the book, ("article", id) in the
        appendix, ("site", None) elsewhere on the site, ("outside", None) off it."""
        href = htmllib.unescape(href)
        if re.match(r"^[a-z][a-z0-9+.-]*:", href):
            return "outside", None
        path, _, anchor = href.partition("#")
        anchor = unquote(anchor)
        if path:
            url = posixpath.normpath(posixpath.join(posixpath.dirname(page.url), unquote(path)))
            src = self.url_to_src.get(url)
        else:
            src = page.src
        if src is None:
            return "site", None
        if src not in self.chapter_id and src in self.book.stands_for:
            src, anchor = self.book.stands_for[src], ""
        law_id = self.registry.page_law.get(src)
        if law_id is not None:
            article = self.registry.laws[law_id].articles.get(anchor)
            if article is None:
                return "site", None
            key = (law_id, article.anchor)
            if key not in self.cited:
                self.cited[key] = f"a-{law_id}-{article.anchor}"
            return "article", self.cited[key]
        if src in self.chapter_id:
            return "chapter", self.ids.get((src, anchor), self.chapter_id[src]) if anchor else self.chapter_id[src]
        return "site", None

    def chapter(self, ch: Chapter) -> str:
        page = self.pages[ch.src]
        body = page.html
        for drop in _DROP:
            body = drop.sub("", body)
        parts = _TAG.split(body)
        out: list[str] = []
        link_end: list[str] = []  # what to write after each open <a>'s </a>
        for i, token in enumerate(parts):
            if i % 2 == 0:
                out.append(token)
                continue
            if token.startswith("<a ") or token == "<a>":
                out.append(self._open_link(page, token, link_end))
            elif token == "</a>":
                out.append(link_end.pop() if link_end else token)
            elif token.startswith("<details"):
                out.append(token.replace("<details", "<details open", 1))
            else:
                out.append(self._ids(ch.src, token))
        cid = self.chapter_id[ch.src]
        return f'<section class="chapter" id="{cid}" style="page: {cid}">\n{"".join(out)}\n</section>'

    def _ids(self, src: str, token: str) -> str:
        def repl(m: re.Match) -> str:
            if m.group(1) != "id":
                return m.group(0)
            return f' id="{self.ids.get((src, htmllib.unescape(m.group(2))), m.group(2))}"'

        return _ATTR.sub(repl, token)

    def _open_link(self, page: RenderedPage, token: str, link_end: list[str]) -> str:
        href = re.search(r'\shref="([^"]*)"', token)
        if href is None:
            link_end.append("</a>")
            return self._ids(page.src, token)
        kind, target = self.target(page, href.group(1))
        if kind == "chapter":
            link_end.append(f'</a><span class="pageref" data-ref="{target}">（见第 {PAGEREF_PLACEHOLDER} 页）</span>')
            return f'<a class="internal" href="#{target}">'
        if kind == "article":
            link_end.append("</a>")
            return f'<a class="cite" href="#{target}">'
        # a page of the site that is not in this book, or an address off the site: its text only
        link_end.append(f'</span><span class="onsite">{ON_SITE}</span>' if kind == "site" else "</span>")
        return "<span>"

    def appendix(self, law_order: list[str]) -> str:
        """The cited articles, law by law in the order of the law list (as the site's catalogue)."""
        if not self.cited:
            return ""
        rank = {law_id: i for i, law_id in enumerate(law_order)}
        laws = sorted(self.registry.laws.values(), key=lambda law: (rank.get(law.id, len(rank)), law.id))
        out = [
            '<section class="appendix" id="appendix" style="page: appendix">',
            "<h1>附录　所引法条</h1>",
            '<p class="appendix-note">本手册各章引用的条文，按法律和条文顺序排列，只收引用到的条文；'
            "法律全文见知识库网站。条文以所列版本为准。</p>",
        ]
        for law in laws:
            cited = [a for a in law.ordered_articles() if (law.id, a.anchor) in self.cited]
            if not cited:
                continue
            meta = law.meta
            out.append(f'<h2 class="appendix-law">{htmllib.escape(law.name)}</h2>')
            out.append(
                f'<p class="appendix-version">版本：{htmllib.escape(meta.version)}；'
                f"施行日期：{htmllib.escape(meta.effective)}；状态：{htmllib.escape(meta.status)}</p>"
            )
            for a in cited:
                paras = "".join(f"<p>{htmllib.escape(line)}</p>" for line in a.text.split("\n") if line.strip())
                out.append(
                    f'<div class="article" id="{self.cited[(law.id, a.anchor)]}">'
                    f"<h3>{htmllib.escape(law.short_name)}{htmllib.escape(a.number)}</h3>{paras}</div>"
                )
        out.append("</section>")
        return "\n".join(out)


def chapter_title(page: RenderedPage) -> str:
    m = _H1.search(_DROP[0].sub("", page.html))
    return _text(m.group(1)) if m else page.src


def handbook_html(
    book: Handbook,
    pages: dict[str, RenderedPage],
    url_to_src: dict[str, str],
    registry: LawRegistry,
    township: TownshipSettings,
    date: str,
    law_order: list[str] | None = None,
    css_href: str = f"../{CSS}",
) -> str:
    """The whole book as one HTML document, ready for print (A4). law_order: law ids in the
    order of the law list, for the appendix."""
    missing = [ch.src for ch in book.all_chapters() if ch.src not in pages]
    if missing:
        raise KeyError(f"手册“{book.title}”的页面没有渲染：{'、'.join(missing)}")
    asm = _Assembler(book, pages, url_to_src, registry)
    chapters = [asm.chapter(ch) for ch in book.chapters]
    end = [asm.chapter(ch) for ch in book.end]
    appendix = asm.appendix(law_order or [])  # after the chapters: they decide which articles it holds
    titles = {ch.src: chapter_title(pages[ch.src]) for ch in book.all_chapters()}
    head = f"{township.name} · {book.title}"
    page_rules = [
        f"@page {asm.chapter_id[ch.src]} {{ @top-right {{ content: {_css_string(titles[ch.src])}; }} }}"
        for ch in book.all_chapters()
    ]
    page_rules.append('@page appendix { @top-right { content: "附录　所引法条"; } }')
    page_rules.append('@page toc { @top-right { content: "目录"; } }')
    # after the rule for every page: Chromium lets the later rule win, whatever the selector
    page_rules.append(
        "@page cover { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }"
    )
    toc = _toc(book, asm, titles, bool(appendix))
    cover = (
        '<section class="cover" style="page: cover">'
        f'<p class="cover-township">{htmllib.escape(township.name)}</p>'
        f'<h1 class="cover-title">{htmllib.escape(book.title)}</h1>'
        f'<p class="cover-purpose">{htmllib.escape(book.purpose)}</p>'
        f'<p class="cover-office">{htmllib.escape(township.county)}{htmllib.escape(township.name)}'
        f"{htmllib.escape(township.office)}　编印</p>"
        f'<p class="cover-date">{htmllib.escape(date)}生成</p>'
        '<p class="cover-note">本手册由知识库网站的页面印成，内容以网站为准；网站更新后请重新打印。</p>'
        "</section>"
    )
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="zh-CN">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{htmllib.escape(head)}</title>",
            f'<link rel="stylesheet" href="{htmllib.escape(css_href)}">',
            "<style>",
            f"@page {{ @top-left {{ content: {_css_string(head)}; }} }}",
            *page_rules,
            "</style>",
            "</head>",
            "<body>",
            cover,
            toc,
            *chapters,
            appendix,
            *end,
            "</body>",
            "</html>",
        ]
    )


def _toc(book: Handbook, asm: _Assembler, titles: dict[str, str], appendix: bool) -> str:
    out = ['<nav class="toc" style="page: toc" aria-label="目录">', "<h1>目录</h1>", "<ol>"]
    part = None

    def entry(target: str, title: str) -> str:
        return (
            f'<li><a href="#{target}"><span class="toc-title">{htmllib.escape(title)}</span></a>'
            f'<span class="pageref toc-page" data-ref="{target}">{PAGEREF_PLACEHOLDER}</span></li>'
        )

    def chapters(chs: list[Chapter]) -> None:
        nonlocal part
        for ch in chs:
            if ch.part != part:
                if part is not None:
                    out.append("</ol></li>")
                out.append(f'<li class="toc-part"><span class="toc-part-title">{htmllib.escape(ch.part)}</span><ol>')
                part = ch.part
            out.append(entry(asm.chapter_id[ch.src], titles[ch.src]))

    chapters(book.chapters)
    if part is not None:
        out.append("</ol></li>")
        part = None
    if appendix:
        out.append(entry("appendix", "附录　所引法条"))
    chapters(book.end)
    if part is not None:
        out.append("</ol></li>")
    out += ["</ol>", "</nav>"]
    return "\n".join(out)


def handbooks_for(
    metas: dict, groups: list[NavGroup], nav_order: list[str], bank: QuizBank | None, pages: set[str]
) -> list[Handbook]:
    books = [reception_handbook(metas, groups, pages, nav_order), study_handbook(nav_order, bank, pages)]
    return [b for b in books if b.chapters]
