"""The real project's templates and forms, and reading the Word files the build makes of them:
shared by the unit, site and browser tests of 公文模板与表格."""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

from .project import real_site

TOWNSHIP = real_site().township
ENTRIES = real_site().templates
TEMPLATE_SLUGS = sorted(s for s, e in ENTRIES.items() if e.section == "templates")
FORM_SLUGS = sorted(s for s, e in ENTRIES.items() if e.section == "forms")


def docx_dir(site: Path, slug: str) -> Path:
    """Where a built site keeps a template's or form's Word files."""
    sub = "templates/forms/docx" if ENTRIES[slug].section == "forms" else "templates/docx"
    return site / sub


def east_asia(run) -> str | None:
    """The Chinese font of a run (what Word and WPS use for Chinese text)."""
    fonts = run._element.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def all_text(doc) -> str:
    """A document's text, tables included."""
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    return "\n".join(parts)
