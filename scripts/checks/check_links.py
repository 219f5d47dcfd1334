"""Check every internal link and #anchor of a built site (a folder of HTML files).

    python -m scripts.check_links site/

For every <a href>, <link href>, <script src>, <img src>, <source src> and <iframe src> that
points inside the site: the target file must exist, and a #fragment must name an element with
that id (or an <a name>) in the target page (for "#x" alone, in the page itself). Prints one
line per broken link, naming the page, and exits 1 if there is any.

Why not LinkChecker (PyPI `linkchecker`): on this site (about 230 pages, tens of thousands of
anchors) it had not finished after five minutes on the 2-core machine; this walks the folder
once, in a few seconds, and its messages name the page and the broken target directly.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that load or link to another file, per tag.
LINK_ATTRS = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "area": "href",
}
# MkDocs' 404.html is served by the web server in place of any missing URL, at whatever path
# was asked for, so it must use root-absolute links ("/assets/…"); everywhere else a link
# starting with "/" breaks when the site is opened from file:// or from a sub-folder.
ROOT_ABSOLUTE_OK = {"404.html"}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # site-relative path of the page holding the link, e.g. "laws/index.html"
    link: str  # the attribute value as written
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link} —— {self.reason}"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        attr = LINK_ATTRS.get(tag)
        if attr and attrs.get(attr) is not None:
            self.links.append(attrs[attr])

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _target(site: Path, page: Path, path: str) -> Path:
    """The file a link's path part points to ("" is the page itself; a folder means its
    index.html, as a web server and MkDocs' use_directory_urls both read it)."""
    if not path:
        return page
    base = site if path.startswith("/") else page.parent
    target = (base / unquote(path).lstrip("/")).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def check_site(site: Path) -> list[BrokenLink]:
    """All broken internal links and anchors of the built site at `site`, in page order."""
    site = site.resolve()
    pages = {p.resolve(): _parse(p) for p in sorted(site.rglob("*.html"))}
    broken: list[BrokenLink] = []
    for page, parsed in pages.items():
        rel = page.relative_to(site).as_posix()
        for link in parsed.links:
            url = urlsplit(link.strip())
            if url.scheme or url.netloc or link.startswith("//"):
                continue  # mailto:, data:, http(s):… — not a file of this site
            if url.path.startswith("/") and rel not in ROOT_ABSOLUTE_OK:
                broken.append(BrokenLink(rel, link, "以 / 开头的链接从 file:// 或子目录打开时会失效，请改成相对链接"))
                continue
            target = _target(site, page, url.path)
            try:
                target_rel = target.relative_to(site).as_posix()
            except ValueError:
                broken.append(BrokenLink(rel, link, "指向网站目录之外"))
                continue
            if not target.is_file():
                broken.append(BrokenLink(rel, link, f"目标文件不存在：{target_rel}"))
                continue
            fragment = unquote(url.fragment)
            if not fragment or target.suffix != ".html":
                continue
            if fragment not in pages[target].ids:
                where = "本页" if target == page else target_rel
                broken.append(BrokenLink(rel, link, f"{where} 中没有 id 为“{fragment}”的元素"))
    return broken


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="检查已生成网站中的站内链接和锚点（#…）是否都能打开。")
    ap.add_argument("site", type=Path, help="已生成的网站目录，例如 site/")
    args = ap.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site} 里没有 index.html：请先运行 make build 生成网站", file=sys.stderr)
        return 2
    broken = check_site(args.site)
    for b in broken:
        print(b)
    pages = sum(1 for _ in args.site.rglob("*.html"))
    if broken:
        print(f"共 {len(broken)} 处链接打不开（检查了 {pages} 个页面）", file=sys.stderr)
        return 1
    print(f"检查了 {pages} 个页面，站内链接和锚点全部有效")
    return 0


if __name__ == "__main__":
    sys.exit(main())
