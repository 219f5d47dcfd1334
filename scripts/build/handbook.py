"""Print the handbooks of a built site to PDF with Debian's chromium.

    python -m scripts.build.handbook [--township ID] [--out handbook]      (make handbook)

A build with handbooks on (KB_HANDBOOKS=true; scripts/build/build_site.py sets it) writes
handbook/<id>.html into the site: one document per book, made by macros/content/handbook.py from
the pages as the site renders them. This prints each to handbook/<id>.pdf (A4, page numbers and
running heads from the document's @page rules, PDF bookmarks from its headings) and removes the
HTML: the site links the PDFs, not a second copy of its pages.

Page references: Chromium cannot number a cross-reference itself (CSS target-counter), so each
"（见第 00 页）" is filled in from the PDF just printed — every link target is a named
destination there, with its page — and the book is printed again, until no number changes.

Run alone, it builds the site into a temporary folder and copies the PDFs to --out, for someone
who wants the handbooks without deploying the site; it prints each book's page count and the
time it took."""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
MAX_PASSES = 4

# fill every page reference from {element id: page number}; report how many changed and which
# targets the PDF did not have
FILL = """(pages) => {
  let changed = 0; const missing = [];
  for (const el of document.querySelectorAll(".pageref[data-ref]")) {
    const n = pages[el.dataset.ref];
    if (n === undefined) { missing.push(el.dataset.ref); continue; }
    const text = el.classList.contains("toc-page") ? String(n) : `（见第 ${n} 页）`;
    if (el.textContent !== text) { el.textContent = text; changed++; }
  }
  return {changed, missing};
}"""


@dataclass
class Printed:
    pdf: Path
    pages: int
    passes: int
    seconds: float


def destination_pages(pdf: bytes) -> tuple[int, dict[str, int]]:
    """(page count, {named destination: 1-based page}) of a PDF Chromium printed."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    dests = {}
    for name, dest in reader.named_destinations.items():
        page = reader.get_destination_page_number(dest)
        if page is not None and page >= 0:
            dests[name.lstrip("/")] = page + 1
    return len(reader.pages), dests


def print_book(browser, html: Path, pdf: Path) -> Printed:
    start = time.perf_counter()
    page = browser.new_page()
    try:
        page.goto(html.resolve().as_uri(), wait_until="load")
        page.emulate_media(media="print")
        passes, changed = 0, 1
        while changed:
            if passes == MAX_PASSES:
                raise RuntimeError(f"{html.name}：页码打印 {MAX_PASSES} 遍仍在变化")
            passes += 1
            data = page.pdf(prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
            count, dests = destination_pages(data)
            result = page.evaluate(FILL, dests)
            if result["missing"]:
                missing = ", ".join(sorted(set(result["missing"])))
                raise RuntimeError(f"{html.name}：这些链接目标在 PDF 里找不到：{missing}")
            changed = result["changed"]
    finally:
        page.close()
    pdf.write_bytes(data)
    return Printed(pdf, count, passes, time.perf_counter() - start)


def print_handbooks(site_dir: Path, log=print) -> list[Printed]:
    """Print every handbook/<id>.html of a built site to <id>.pdf beside it; remove the HTML."""
    from playwright.sync_api import sync_playwright

    sources = sorted((site_dir / "handbook").glob("*.html"))
    if not sources:
        raise RuntimeError(f"{site_dir}/handbook/ 里没有手册：构建时要设 KB_HANDBOOKS=true")
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"没有找到 {CHROMIUM}：打印手册要用 Debian 的 chromium（make build 会自动安装）")
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for html in sources:
                printed = print_book(browser, html, html.with_suffix(".pdf"))
                html.unlink()
                log(
                    f"  手册 {printed.pdf.name}：{printed.pages} 页（排版 {printed.passes} 遍，{printed.seconds:.1f} s）"
                )
                out.append(printed)
        finally:
            browser.close()
    return out


def main() -> int:
    from .build_site import build, config_for

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--township", help="乡镇 id（data/townships/<id>.yml）；不写则用 mkdocs.yml 的本镇设置")
    ap.add_argument("--out", type=Path, help="PDF 放到哪个文件夹（默认 handbook/，有 --township 时 handbook/<id>/）")
    ap.add_argument("--project", type=Path, default=ROOT, help="项目目录（mkdocs.yml 所在的目录）")
    args = ap.parse_args()
    config = config_for(args.project, args.township)
    if config is None:
        return 1
    out = args.out or (args.project / "handbook" / (args.township or ""))
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="handbook-site-") as tmp:
        site = Path(tmp) / "site"
        code = build(site, args.project, config=config, handbooks=True, announce=False)
        if code != 0:
            return code
        out.mkdir(parents=True, exist_ok=True)
        for pdf in sorted((site / "handbook").glob("*.pdf")):
            shutil.copy2(pdf, out / pdf.name)
            print(f"已生成 {out / pdf.name}")
    print(f"make handbook 共用时 {time.perf_counter() - start:.1f} s（含构建网站）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
