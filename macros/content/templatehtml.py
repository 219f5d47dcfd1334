"""HTML for the template pages: a 公文 or form drawn as a sheet of paper (red 发文机关标志 and
red line, title, body, signature, 版记), the download buttons, and the catalogue tables —
all from the same data as the Word files (macros/templatedata.py)."""

from __future__ import annotations

import posixpath
from html import escape

from .templatedata import DocType, Entry, Form, docx_names, form_text


def _p(cls: str, text: str) -> str:
    return f'<p class="{cls}">{escape(text)}</p>'


def document_html(dt: DocType, which: str) -> str:
    d = dt.example if which == "example" else dt.skeleton
    label = "范例" if which == "example" else "填空模板"
    out = [f'<div class="gw-paper" role="figure" aria-label="{escape(dt.name)}{label}">']
    if not d.org_mark:
        out.append(_p("gw-title gw-title--top", d.title))
        if d.number:
            out.append(_p("gw-subno", d.number))
    elif d.number:
        out.append(_p("gw-mark", d.org_mark))
        if d.signer:
            out.append(
                f'<p class="gw-number gw-number--up"><span>{escape(d.number)}</span>'
                f'<span>签发人：<span class="gw-kai">{escape(d.signer)}</span></span></p>'
            )
        else:
            out.append(_p("gw-number", d.number))
    else:
        out.append(_p("gw-mark", d.org_mark))
        out.append('<p class="gw-number"></p>')
    if d.org_mark:
        out.append(_p("gw-title", d.title))
    if d.to:
        out.append(_p("gw-to", d.to))
    for block in d.body:
        if isinstance(block, str):
            out.append(_p("gw-p", block))
        else:
            ((level, text),) = block.items()
            out.append(_p(f"gw-p gw-{level}", text))
    for i, name in enumerate(d.attachments):
        num = f"{i + 1}. " if len(d.attachments) > 1 else ""
        out.append(_p("gw-attach" + (" gw-attach--first" if i == 0 else ""), ("附件：" if i == 0 else "") + num + name))
    for label_, names in d.attendance:
        out.append(f'<p class="gw-attend"><span class="gw-hei">{escape(label_)}：</span>{escape(names)}</p>')
    if d.signature:
        out.append(_p("gw-sign", d.signature))
    out.append(_p("gw-date", d.date))
    if d.note:
        out.append(_p("gw-p", d.note))
    if d.issuer:
        out.append('<div class="gw-record">')
        if d.cc:
            out.append(_p("gw-cc", d.cc))
        out.append(
            f'<p class="gw-issue"><span>{escape(d.issuer)}</span><span>{escape(d.issue_date or d.date)}印发</span></p>'
        )
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out)


def form_html(form: Form, blank: bool = False) -> str:
    ft = lambda s: escape(form_text(s, blank))  # noqa: E731
    out = [
        f'<div class="gw-paper gw-form" role="figure" aria-label="{escape(form.name)}">',
        f'<p class="gw-title">{ft(form.title)}</p>',
    ]
    if form.number:
        out.append(f'<p class="gw-formno">{ft(form.number)}</p>')
    if form.layout == "sheet":
        out.append('<table class="gw-table"><tbody>')
        for row in form.rows:
            cells = row.cells
            style = f' style="height:{row.lines * 1.9:.1f}em"' if row.lines > 1 else ""
            if len(cells) == 2:
                out.append(f'<tr{style}><th>{ft(cells[0])}</th><td colspan="3">{ft(cells[1])}</td></tr>')
            else:
                tds = "".join(f"<th>{ft(c)}</th>" if i % 2 == 0 else f"<td>{ft(c)}</td>" for i, c in enumerate(cells))
                out.append(f"<tr{style}>{tds}</tr>")
        out.append("</tbody></table>")
    elif form.layout == "register":
        out.append(
            '<table class="gw-table gw-register"><thead><tr>'
            + "".join(f"<th>{escape(c)}</th>" for c in form.columns)
            + "</tr></thead><tbody>"
        )
        for values in [] if blank else form.example_rows:
            out.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in values) + "</tr>")
        out.append("<tr>" + "<td>&nbsp;</td>" * len(form.columns) + "</tr>")
        out.append("</tbody></table>")
    else:
        if form.to:
            out.append(f'<p class="gw-to">{ft(form.to)}</p>')
        for text in form.body:
            out.append(f'<p class="gw-p">{ft(text)}</p>')
    if form.layout != "letter":
        for text in form.body:
            out.append(f'<p class="gw-formnote">{ft(text)}</p>')
    for text in form.signs:
        out.append(f'<p class="gw-p gw-signline">{ft(text)}</p>')
    if form.signature:
        out.append(f'<p class="gw-sign">{ft(form.signature)}</p>')
    if form.date:
        out.append(f'<p class="gw-date">{ft(form.date)}</p>')
    out.append("</div>")
    return "\n".join(out)


def sample_html(entry: Entry, which: str) -> str:
    """which: "example" (范例) or "skeleton" (填空模板; for forms: the blank form)."""
    if which not in ("example", "skeleton"):
        raise ValueError(f'template_sample 只接受 "example" 或 "skeleton"，而不是 {which!r}')
    if isinstance(entry.data, DocType):
        return document_html(entry.data, which)
    return form_html(entry.data, blank=which == "skeleton")


def downloads_html(entry: Entry) -> str:
    blank, example = docx_names(entry.slug)
    what = "表格" if entry.section == "forms" else "模板"
    blank_label = f"下载空白{what}（Word）" if entry.section == "forms" else "下载填空模板（Word）"
    return (
        '<p class="tpl-downloads">'
        f'<a class="md-button md-button--primary" href="docx/{blank}" download>{blank_label}</a> '
        f'<a class="md-button" href="docx/{example}" download>下载范例（Word）</a></p>'
    )


def catalogue_markdown(entries: dict[str, Entry], section: str, from_dir: str) -> str:
    """Markdown table of every template (section="templates") or form (section="forms"),
    linked to its page (as .md, so MkDocs checks the link) and its Word files. from_dir: the
    docs-relative folder of the page that shows the table."""
    base = "templates" if section == "templates" else "templates/forms"
    prefix = posixpath.relpath(base, from_dir or ".")
    prefix = "" if prefix == "." else prefix + "/"
    if section == "templates":
        lines = ["| 文种 | 行文方向 | 用于 | Word |", "| --- | --- | --- | --- |"]
    else:
        lines = ["| 表格 | 用于 | Word |", "| --- | --- | --- |"]
    for e in entries.values():
        if e.section != section:
            continue
        blank, example = docx_names(e.slug)
        d = e.data
        cells = [f"[{d.name}]({prefix}{e.slug}.md)"]
        if isinstance(d, DocType):
            cells.append(d.direction)
        cells.append(d.summary)
        cells.append(
            f'<a href="{prefix}docx/{blank}" download>模板</a> · <a href="{prefix}docx/{example}" download>范例</a>'
        )
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)
