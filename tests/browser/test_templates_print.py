"""公文模板与表格: the Word files (GB/T 9704-2012 layout, fonts, township name), the pages'
links to them, the township settings flowing into page and Word file, the data checks, and
printing without the site's navigation."""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

from ..harness.project import real_site

TOWNSHIP = real_site().township
ENTRIES = real_site().templates
TEMPLATE_SLUGS = sorted(s for s, e in ENTRIES.items() if e.section == "templates")
FORM_SLUGS = sorted(s for s, e in ENTRIES.items() if e.section == "forms")


def docx_dir(site: Path, slug: str) -> Path:
    sub = "templates/forms/docx" if ENTRIES[slug].section == "forms" else "templates/docx"
    return site / sub


def east_asia(run) -> str | None:
    fonts = run._element.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_template_page_prints_without_navigation(site_url, page):
    page.goto(f"{site_url}/templates/notice.html")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".tpl-downloads"):
        assert not page.locator(selector).first.is_visible(), f"打印时 {selector} 仍然可见"
    assert page.locator(".gw-paper").first.is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf[:4] == b"%PDF" and len(pdf) > 10000
