"""The quiz bank as HTML: practice pages (answer, 核对, explanation and source), the exam, the
错题本, printable papers and answer keys, and the module index. Question text is raw HTML
(escaped); only the source link goes through Markdown (md_in_html markdown="span") so that MkDocs
rewrites and validates it like any other link. Plain Python, no mkdocs import."""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Callable

from .quiz_model import LETTERS, QUIZ_DIR, TYPE_NAMES, CheckedQuestion, Question, QuizBank, module_pages


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _md_link(text: str, target: str, page_dir: str) -> str:
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, page_dir or ".")
    label = re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)
    return f"[{label}]({rel}{'#' + anchor if anchor else ''})"


def _source_html(cq: CheckedQuestion, page_dir: str) -> str:
    return f'<p class="quiz-source" markdown="span">出处：{_md_link(cq.link_label, cq.link_target, page_dir)}</p>'


def _inputs_html(q: Question) -> str:
    if q.type in ("single", "multiple"):
        kind = "radio" if q.type == "single" else "checkbox"
        return "\n".join(
            f'<label class="quiz-option"><input type="{kind}" name="{_e(q.id)}" value="{LETTERS[i]}"> '
            f'<span class="quiz-letter">{LETTERS[i]}.</span> {_e(opt)}</label>'
            for i, opt in enumerate(q.options_list)
        )
    if q.type == "truefalse":
        return "\n".join(
            f'<label class="quiz-option"><input type="radio" name="{_e(q.id)}" value="{v}"> {t}</label>'
            for v, t in (("true", "正确"), ("false", "错误"))
        )
    return (
        f'<label class="quiz-fill">填写答案：<input type="text" name="{_e(q.id)}" '
        f'autocomplete="off" spellcheck="false"></label>'
    )


def question_html(cq: CheckedQuestion, number: int, page_dir: str, unit: str = "") -> str:
    """One question. On a practice page the options keep the file's order in the HTML; quiz.js
    shuffles them on screen (their values stay the file's letters, so the answer data is the same).
    unit: the module's title, shown with a link to its practice page on the 错题本."""
    q = cq.q
    unit_line = (
        f'<p class="quiz-unit" hidden markdown="span">单元：{_md_link(unit, module_pages(cq.module)["practice"], page_dir)}'
        '<span class="quiz-last"></span></p>'
        if unit
        else ""
    )
    return "\n".join(
        [
            f'<div class="quiz-question" id="{_e(q.id)}" data-question-id="{_e(q.id)}" '
            f'data-module="{_e(cq.module)}" data-type="{q.type}" markdown="1">',
            "<fieldset>",
            f'<legend><span class="quiz-no">{number}</span>. <span class="quiz-type">[{TYPE_NAMES[q.type]}]</span> '
            f"{_e(q.question)}</legend>",
            _inputs_html(q),
            "</fieldset>",
            *([unit_line] if unit_line else []),
            '<div class="quiz-actions"><button type="button" class="md-button quiz-check">核对答案</button> '
            '<button type="button" class="md-button quiz-retry" hidden>再做一次</button></div>',
            '<div class="quiz-feedback" hidden markdown="1">',
            '<p class="quiz-verdict" role="status"></p>',
            f'<p class="quiz-answer">正确答案：{_e(q.answer_text())}</p>',
            f'<p class="quiz-explanation">解析：{_e(q.explanation)}</p>',
            _source_html(cq, page_dir),
            "</div>",
            "</div>",
        ]
    )


def _json_script(data: dict) -> str:
    # "</" must not close the script element early
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" class="quiz-data">{text}</script>'


def quiz_data(bank: QuizBank, questions: list[CheckedQuestion]) -> dict:
    return {
        "modules": {m.slug: {"title": m.title, "count": len(m.questions)} for m in bank.modules.values()},
        "answers": {
            cq.q.id: {"module": cq.module, "type": cq.q.type, "answer": cq.q.answer_data()} for cq in questions
        },
    }


def render_practice(bank: QuizBank, slug: str, page_dir: str) -> str:
    m = bank.module(slug)
    exam = posixpath.relpath(f"{QUIZ_DIR}/exam.md", page_dir)
    pages = module_pages(slug)
    intro = (
        f'<div class="quiz-intro" markdown="1">\n'
        f'<p markdown="span">共 {len(m.questions)} 题。逐题作答后点“核对答案”，马上能看到对错、解析和所依据的条文。'
        f"想测一测：[本单元考试]({exam}?module={slug})；"
        f"打印：[试卷]({posixpath.relpath(pages['paper'], page_dir)})、"
        f"[参考答案]({posixpath.relpath(pages['key'], page_dir)})。</p>\n</div>"
    )
    status = (
        f'<div class="quiz-status" data-module="{_e(slug)}" aria-live="polite">'
        f'<span class="quiz-progress" data-module="{_e(slug)}"></span> '
        f'<span class="quiz-session"></span></div>'
    )
    body = "\n\n".join(question_html(cq, i, page_dir) for i, cq in enumerate(m.questions, 1))
    return "\n\n".join(
        [
            intro,
            status,
            f'<div class="quiz quiz-practice" data-module="{_e(slug)}" markdown="1">\n\n{body}\n\n</div>',
            _json_script(quiz_data(bank, m.questions)),
        ]
    )


def _pool(bank: QuizBank, page_dir: str) -> str:
    body = "\n\n".join(
        question_html(cq, i, page_dir, unit=bank.modules[cq.module].title) for i, cq in enumerate(bank.questions(), 1)
    )
    return f'<div class="quiz-pool" hidden markdown="1">\n\n{body}\n\n</div>'


def render_exam(bank: QuizBank, page_dir: str) -> str:
    options = "".join(
        f'<option value="{_e(m.slug)}">{_e(m.title)}（{len(m.questions)} 题）</option>' for m in bank.modules.values()
    )
    total = len(bank.questions())
    form = (
        '<form class="quiz-exam-setup">'
        f'<p><label>范围：<select name="module"><option value="all">全部单元（{total} 题）</option>{options}</select></label></p>'
        f'<p><label>题数：<input type="number" name="count" min="1" max="{total}" value="10"></label></p>'
        '<p><button type="submit" class="md-button md-button--primary">开始考试</button></p>'
        "</form>"
    )
    exam = (
        '<div class="quiz quiz-exam" hidden>'
        '<p class="quiz-exam-info" role="status"></p>'
        '<div class="quiz-exam-questions"></div>'
        '<p><button type="button" class="md-button md-button--primary quiz-submit">交卷</button></p>'
        '<div class="quiz-blank-warning" role="alert" hidden><p class="quiz-blank-text"></p>'
        '<p><button type="button" class="md-button quiz-back">回去作答</button> '
        '<button type="button" class="md-button quiz-submit-anyway">仍然交卷</button></p></div>'
        '<div class="quiz-result" role="status" hidden></div>'
        "</div>"
    )
    return "\n\n".join([form, exam, _pool(bank, page_dir), _json_script(quiz_data(bank, bank.questions()))])


def render_mistakes(bank: QuizBank, page_dir: str) -> str:
    box = (
        '<div class="quiz quiz-mistakes" aria-live="polite">'
        '<p class="quiz-mistakes-info">正在读取错题本……</p>'
        '<div class="quiz-mistakes-questions"></div></div>'
    )
    return "\n\n".join([box, _pool(bank, page_dir), _json_script(quiz_data(bank, bank.questions()))])


def render_paper(bank: QuizBank, slug: str, page_dir: str) -> str:
    m = bank.module(slug)
    out = [
        '<div class="quiz-paper">',
        '<p class="quiz-paper-head">姓名：<span class="quiz-line"></span> 日期：<span class="quiz-line"></span> '
        f'得分：<span class="quiz-line"></span>（共 {len(m.questions)} 题）</p>',
    ]
    for i, cq in enumerate(m.questions, 1):
        q = cq.q
        out.append(f'<div class="quiz-paper-question" data-question-id="{_e(q.id)}">')
        mark = "（　　）" if q.type != "fill" else ""
        out.append(f"<p>{i}. [{TYPE_NAMES[q.type]}] {_e(q.question)}{mark}</p>")
        if q.options:
            out.append(
                '<ol class="quiz-paper-options" type="A">' + "".join(f"<li>{_e(o)}</li>" for o in q.options) + "</ol>"
            )
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out)


def render_key(bank: QuizBank, slug: str, page_dir: str) -> str:
    m = bank.module(slug)
    out = ['<div class="quiz-key" markdown="1">']
    for i, cq in enumerate(m.questions, 1):
        out += [
            f'<div class="quiz-key-item" data-question-id="{_e(cq.q.id)}" markdown="1">',
            f"<p><strong>{i}. 答案：{_e(cq.q.answer_text())}</strong>　{_e(cq.q.explanation)}</p>",
            _source_html(cq, page_dir),
            "</div>",
        ]
    out.append("</div>")
    return "\n".join(out)


def render_index(bank: QuizBank, page_dir: str) -> str:
    rows = ["| 单元 | 题数 | 我的进度 | 打印 |", "| --- | ---: | --- | --- |"]
    for m in bank.modules.values():
        pages = {k: posixpath.relpath(v, page_dir) for k, v in module_pages(m.slug).items()}
        rows.append(
            f"| [{m.title}]({pages['practice']}) | {len(m.questions)} "
            f'| <span class="quiz-progress" data-module="{_e(m.slug)}"></span> '
            f"| [试卷]({pages['paper']}) · [答案]({pages['key']}) |"
        )
    total = len(bank.questions())
    rows.append(f"| **合计** | **{total}** | | |")
    return "\n".join(rows) + "\n\n" + _json_script(quiz_data(bank, []))


def render_button(bank: QuizBank, slug: str, page_dir: str) -> str:
    """The button that ends a training module: on to its practice page."""
    m = bank.module(slug)
    target = posixpath.relpath(module_pages(slug)["practice"], page_dir or ".")
    return (
        f'<p class="quiz-go" markdown="span">[做本单元的练习（{len(m.questions)} 题）]({target})'
        "{ .md-button .md-button--primary }</p>"
    )


MACRO_NAMES = ("quiz", "quiz_paper", "quiz_key", "quiz_exam", "quiz_mistakes", "quiz_index", "quiz_button")


def macros(bank: QuizBank, page_dir: Callable[[], str]) -> dict[str, Callable[..., str]]:
    """The page macros, by name; page_dir() gives the current page's folder (docs-relative)."""
    return {
        "quiz": lambda module: render_practice(bank, module, page_dir()),
        "quiz_paper": lambda module: render_paper(bank, module, page_dir()),
        "quiz_key": lambda module: render_key(bank, module, page_dir()),
        "quiz_exam": lambda: render_exam(bank, page_dir()),
        "quiz_mistakes": lambda: render_mistakes(bank, page_dir()),
        "quiz_index": lambda: render_index(bank, page_dir()),
        "quiz_button": lambda module: render_button(bank, module, page_dir()),
    }
