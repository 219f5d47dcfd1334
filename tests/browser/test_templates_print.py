"""公文模板与表格 in the browser: the sheets fit the content column, and a page prints without the
site's navigation."""

from __future__ import annotations

from ..harness.templates import ENTRIES, FORM_SLUGS


def test_template_page_prints_without_navigation(site_url, page):
    page.goto(f"{site_url}/templates/notice.html")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".tpl-downloads"):
        assert not page.locator(selector).first.is_visible(), f"打印时 {selector} 仍然可见"
    assert page.locator(".gw-paper").first.is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf[:4] == b"%PDF" and len(pdf) > 10000


FORM_PAGES = [f"templates/forms/{slug}.html" for slug in FORM_SLUGS]


def _overflow(page) -> list[str]:
    """Form sheets or tables that stick out of the content column, or a page that scrolls sideways."""
    return page.evaluate(
        """() => {
          const col = document.querySelector('.md-content__inner').getBoundingClientRect();
          const out = [];
          document.querySelectorAll('.gw-paper').forEach((paper, i) => {
            const r = paper.getBoundingClientRect();
            if (r.right > col.right + 1 || r.left < col.left - 1)
              out.push(`sheet ${i}: ${r.left.toFixed(0)}–${r.right.toFixed(0)} outside ${col.left.toFixed(0)}–${col.right.toFixed(0)}`);
            paper.querySelectorAll('.gw-scroll').forEach(box => {
              const b = box.getBoundingClientRect();
              if (b.right > r.right + 1) out.push(`table box ${i} ends at ${b.right.toFixed(0)} past the sheet ${r.right.toFixed(0)}`);
            });
          });
          const doc = document.documentElement;
          if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
          return out;
        }"""
    )


def test_form_sheets_fit_the_content_column_on_desktop_and_phone(site_url, browser):
    for width, height in ((1280, 900), (375, 740)):
        context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
        page = context.new_page()
        try:
            for rel in FORM_PAGES:
                page.goto(f"{site_url}/{rel}")
                problems = _overflow(page)
                assert not problems, f"{rel}（{width} px 宽）：" + "；".join(problems)
        finally:
            context.close()


def test_print_blank_form_prints_the_blank_form_alone_on_one_a4_page(site_url, page):
    import io
    import unicodedata

    import pdfplumber

    for slug in FORM_SLUGS:
        form = ENTRIES[slug].data
        page.goto(f"{site_url}/templates/forms/{slug}.html")
        page.evaluate("window.print = () => {}")  # the dialog itself cannot be driven
        page.get_by_role("button", name="打印空白表").click()
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
        page.emulate_media(media="screen")
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            assert len(doc.pages) == 1, f"{slug}：打印空白表印出 {len(doc.pages)} 页"
            p = doc.pages[0]
            # NFKC: Chromium's PDF names some characters by their radical look-alikes (⽂ for 文)
            text = unicodedata.normalize("NFKC", p.extract_text() or "")
            assert (p.width > p.height) == form.landscape, f"{slug}：纸张方向不对"
            title = form.title.replace("{镇}", "").replace("[[26]]", "")[:4]
            assert title in text.replace(" ", "") and "填写要点" not in text, f"{slug}：打印的不只是空白表"
            # the table's right column is on the paper: every ruled line ends inside it
            edges = [e["x1"] for e in p.rects + p.lines if e["x1"] - e["x0"] > 50]
            assert edges and max(edges) <= p.width - 20, f"{slug}：表格右边超出可打印宽度"
            if form.layout == "register":
                assert form.columns[-1][:2] in text.replace(" ", ""), f"{slug}：最右一列没有印出来"
