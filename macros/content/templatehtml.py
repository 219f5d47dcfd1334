"""HTML for the template pages: a 公文 or form drawn as a sheet of paper (red 发文机关标志 and
red line, title, body, signature, 版记), the download buttons, and the catalogue tables —
all from the same data as the Word files (macros/templatedata.py)."""

from __future__ import annotations

import posixpath
from html import escape

from .templatedata import DocType, Entry, Form, docx_names, field_width, form_text


def _p(cls: str, text: str | None) -> str:
    return f'<p class="{cls}">{escape(text or "")}</p>'


def _hanging(label: str, indent_em: float = 0) -> str:
    """Inline style for a paragraph that wraps after `label` (附件：、出席：、抄送：)."""
    lead = field_width(label)
    return f' style="padding-left:{indent_em + lead:g}em;text-indent:-{lead:g}em"'


def document_html(dt: DocType, which: str) -> str:
    d = dt.example if which == "example" else dt.skeleton
    label = "范例" if which == "example" else "填空模板"
    fmt = dt.format
    kind = {"信函格式": " gw-paper--letter", "命令格式": " gw-paper--order", "纪要格式": " gw-paper--minutes"}.get(
        fmt, ""
    )
    out = [f'<div class="gw-paper{kind}" role="figure" aria-label="{escape(dt.name)}{label}">']
    if fmt == "信函格式":
        out.append(_p("gw-mark gw-mark--letter", d.org_mark))
        out.append('<div class="gw-double gw-double--top" aria-hidden="true"></div>')
        if d.number:
            out.append(_p("gw-number gw-number--right", d.number))
    elif fmt == "命令格式":
        out.append(_p("gw-mark gw-mark--order", d.org_mark))
        if d.number:
            out.append(_p("gw-number gw-number--order", d.number))
    elif not d.org_mark:
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
    if d.org_mark and d.title:
        out.append(_p("gw-title", d.title))
    if d.to:
        out.append(_p("gw-to", d.to))
    for block in d.body:
        if isinstance(block, str):
            out.append(_p("gw-p", block))
        else:
            ((level, text),) = block.items()
            out.append(_p(f"gw-p gw-{level}", text))
    numbered = len(d.attachments) > 1
    for i, name in enumerate(d.attachments, start=1):
        num = f"{i}." if numbered else ""
        cls = "gw-attach" + (" gw-attach--first" if i == 1 else "")
        lead = ("附件：" if i == 1 else "") + num
        indent = 2 if i == 1 else 5
        out.append(f'<p class="{cls}"{_hanging(lead, indent)}>{escape(lead + name)}</p>')
    for i, (label_, names) in enumerate(d.attendance):
        cls = "gw-attend" + (" gw-attend--first" if i == 0 else "")
        out.append(
            f'<p class="{cls}"{_hanging(label_ + "：", 2)}><span class="gw-hei">{escape(label_)}：</span>'
            f"{escape(names)}</p>"
        )
    if fmt == "命令格式" and d.signature:
        post, _, name = d.signature.partition("　")
        out.append(_p("gw-sign gw-sign--order", f"{post}　　{name}" if name else post))
        out.append(_p("gw-date gw-date--order", d.date))
    else:
        if d.signature:
            out.append(_p("gw-sign", d.signature))
        if d.date:
            cls = "gw-date gw-date--nosign" if not d.signature else "gw-date"
            out.append(_p(cls, d.date))
    if d.note:
        out.append(_p("gw-p", d.note))
    if fmt == "信函格式":
        out.append('<div class="gw-double gw-double--bottom" aria-hidden="true"></div>')
    issuer = None if fmt == "信函格式" else d.issuer
    if d.cc or issuer:
        out.append('<div class="gw-record' + ("" if issuer else " gw-record--plain") + '">')
        if d.cc:
            label_ = d.cc.split("：", 1)[0] + "：" if "：" in d.cc else ""
            out.append(f'<p class="gw-cc"{_hanging(label_, 1)}>{escape(d.cc)}</p>')
        if issuer:
            out.append(
                f'<p class="gw-issue"><span>{escape(issuer)}</span><span>{escape(d.issue_date or d.date or "")}印发</span></p>'
            )
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out)


def _colgroup(widths: list[float]) -> str:
    total = sum(widths)
    return "<colgroup>" + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths) + "</colgroup>"


def form_html(form: Form, blank: bool = False) -> str:
    ft = lambda s, cell=False: escape(form_text(s, blank, cell))  # noqa: E731
    classes = "gw-paper gw-form" + (" gw-blank" if blank else "") + (" gw-landscape" if form.landscape else "")
    label = f"{form.name}（空白表）" if blank else f"{form.name}（范例）"
    out = [
        f'<div class="{classes}" role="figure" aria-label="{escape(label)}">',
        f'<p class="gw-title">{ft(form.title)}</p>',
    ]
    if form.number:
        out.append(f'<p class="gw-formno">{ft(form.number)}</p>')
    if form.layout == "sheet":
        out.append('<div class="gw-scroll"><table class="gw-table gw-sheet">')
        out.append(_colgroup(form.widths or [2.0, 3.0, 2.0, 3.0]) + "<tbody>")
        for row in form.rows:
            cells = row.cells
            style = f' style="height:{row.lines * 1.9:.1f}em"' if row.lines > 1 else ""
            if len(cells) == 2:
                out.append(f'<tr{style}><th>{ft(cells[0])}</th><td colspan="3">{ft(cells[1], True)}</td></tr>')
            else:
                tds = "".join(
                    f"<th>{ft(c)}</th>" if i % 2 == 0 else f"<td>{ft(c, True)}</td>" for i, c in enumerate(cells)
                )
                out.append(f"<tr{style}>{tds}</tr>")
        out.append("</tbody></table></div>")
    elif form.layout == "register":
        widths = form.widths or [max(2.0, field_width(c)) for c in form.columns]
        out.append('<div class="gw-scroll"><table class="gw-table gw-register">')
        out.append(
            _colgroup(widths)
            + "<thead><tr>"
            + "".join(f'<th scope="col">{escape(c)}</th>' for c in form.columns)
            + "</tr></thead><tbody>"
        )
        for values in [] if blank else form.example_rows:
            out.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in values) + "</tr>")
        for _ in range(form.blank_rows if blank else 1):
            out.append("<tr>" + "<td>&nbsp;</td>" * len(form.columns) + "</tr>")
        out.append("</tbody></table></div>")
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
    if form.seal:  # room for the seal over the 署名 and the date: nothing printed there
        out.append('<p class="gw-seal" aria-label="盖章处"><span aria-hidden="true">盖章处</span></p>')
    if form.signature:
        out.append(f'<p class="gw-sign{" gw-sign--seal" if form.seal else ""}">{ft(form.signature)}</p>')
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
    # Forms: a button that prints the blank form alone on one A4 page (templates.js, print
    # stylesheet in site.css); it works without it too (Ctrl+P prints the whole page).
    print_button = (
        ' <button class="md-button tpl-print" type="button" data-print-blank hidden>打印空白表</button>'
        if entry.section == "forms"
        else ""
    )
    return (
        '<p class="tpl-downloads">'
        f'<a class="md-button md-button--primary" href="docx/{blank}" download>{blank_label}</a> '
        f'<a class="md-button" href="docx/{example}" download>下载范例（Word）</a>{print_button}</p>'
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
