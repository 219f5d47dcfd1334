"""Quiz bank: reads docs/training/quizzes/*.yaml (contract: QUIZ_SCHEMA.md), checks every
question (answer key, options, ids, explanation, source, and that a law answer's `fact` is in
the cited article), and renders the questions as HTML for the practice, exam, 错题本 and print
pages. Plain Python, no mkdocs import; macros/__init__.py wires it into the build.

Command line:  python -m macros.quizzes                 check and print counts
               python -m macros.quizzes --write-pages   also create missing quiz pages"""
from __future__ import annotations

import html
import json
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..xref.citations import CitationFinder
from ..core.cnnum import CN_NUMERAL_CHARS, cn_to_int
from ..core.errors import ContentError, describe_validation_error, read_yaml
from ..core.frontmatter import read_front_matter
from ..laws.lawpage import normalise_text
from ..laws.registry import LawRegistry, RegisteredArticle, build_registry

QUIZ_DIR = "training/quizzes"          # relative to docs/
PRINT_DIR = "training/quizzes/print"
LETTERS = "ABCDEF"
# The study path's order of modules (QUIZ_SCHEMA.md); pages, the exam and the index follow it.
MODULE_ORDER = ["office-role", "documents", "petitions", "meetings", "secrecy-archives-seals",
                "research-information", "land-management-law", "land-contract-law",
                "villagers-committee-law", "villagers-committee-2025", "conduct-ethics"]
TYPE_NAMES = {"single": "单选题", "multiple": "多选题", "truefalse": "判断题", "fill": "填空题"}
_BLANK = re.compile(r"＿{2,}|_{3,}")
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_PAGE_SOURCE = re.compile(r"^[\w./-]+\.md(?:#[\w-]+)?$")


# ---------------------------------------------------------------------------------------------
# Schema

class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    type: Literal["single", "multiple", "truefalse", "fill"]
    question: str
    options: list[str] | None = None
    answer: Any
    explanation: str
    source: str
    fact: str | None = None

    @field_validator("question", "explanation", "source")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("不能为空")
        # YAML's folded style (>-) joins lines with a space, which Chinese text must not have
        return _CJK_GAP.sub("", v.strip())

    @property
    def options_list(self) -> list[str]:
        return self.options or []

    def answer_text(self) -> str:
        """The answer as shown to a person: A / A、C / 正确 / 二十日（或：20日）."""
        if self.type == "single":
            return self.answer
        if self.type == "multiple":
            return "、".join(self.answer)
        if self.type == "truefalse":
            return "正确" if self.answer else "错误"
        answers = self.answer if isinstance(self.answer, list) else [self.answer]
        return answers[0] + (f"（也可答：{'、'.join(answers[1:])}）" if len(answers) > 1 else "")

    def answer_data(self) -> Any:
        """The answer as the page's JavaScript compares it."""
        if self.type == "fill" and not isinstance(self.answer, list):
            return [self.answer]
        if self.type == "multiple":
            return sorted(self.answer)
        return self.answer


class QuizFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    module: str
    title: str
    questions: list[Any]


@dataclass
class ArticleRef:
    """What a citation such as 《土地管理法》第六十二条 points at."""
    law_id: str
    law_name: str
    page: str            # docs-relative path of the law page
    article: RegisteredArticle

    @property
    def target(self) -> str:
        return f"{self.page}#{self.article.anchor}"


@dataclass
class CheckedQuestion:
    q: Question
    module: str
    path: Path
    line: int
    link_target: str = ""                # docs-relative page#anchor that the source links to
    link_label: str = ""                 # the link's text
    article: ArticleRef | None = None


@dataclass
class QuizModule:
    slug: str
    title: str
    path: Path
    questions: list[CheckedQuestion] = field(default_factory=list)


@dataclass
class QuizBank:
    modules: dict[str, QuizModule]

    def questions(self) -> list[CheckedQuestion]:
        return [cq for m in self.modules.values() for cq in m.questions]

    def module(self, slug: str, page: str = "") -> QuizModule:
        if slug not in self.modules:
            known = "、".join(self.modules) or "（暂无）"
            raise ContentError(page or QUIZ_DIR, f"没有单元“{slug}”的题目文件 {QUIZ_DIR}/{slug}.yaml（现有：{known}）")
        return self.modules[slug]


# ---------------------------------------------------------------------------------------------
# Citations: a question's source is one citation, read by the site's citation recogniser.

_PARAGRAPH = re.compile(rf"条(?:之[\d{CN_NUMERAL_CHARS}]+)?第([\d{CN_NUMERAL_CHARS}]+)款")


def resolve_citation(text: str, registry: LawRegistry, finder: CitationFinder) -> ArticleRef:
    """Resolve one citation (《土地管理法》第六十二条, 土地管理法第62条第四款) or raise ValueError
    with a Chinese explanation."""
    found = finder.find(text.strip())
    if len(found) != 1 or found[0].text != text.strip() or len(found[0].refs) != 1:
        raise ValueError(f"出处“{text}”不是一条条文引用（应写成《土地管理法》第六十二条这样，一次只引一条）")
    cit = found[0]
    if cit.law_id is None:
        known = "、".join(f"《{law.short_name}》" for law in registry.laws.values())
        raise ValueError(f"出处里的《{cit.law_name}》不在本站法律库中（现有：{known}）")
    law, ref = registry.laws[cit.law_id], cit.refs[0]
    article = law.article(ref.n, ref.sub)
    if article is None:
        raise ValueError(f"出处“{text}”找不到：《{law.short_name}》共 {len(law.articles)} 条，没有这一条")
    para = _PARAGRAPH.search(ref.text)
    if para and cn_to_int(para.group(1)) > len(article.text.split("\n")):
        raise ValueError(f"出处“{text}”找不到：{article.number}只有 {len(article.text.split(chr(10)))} 款")
    return ArticleRef(law.id, law.name, article.page, article)


# ---------------------------------------------------------------------------------------------
# Loading and checking

def _question_lines(text: str) -> list[int]:
    """1-based line of each item under `questions:`, for error messages."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "questions" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


_FIELD_NAMES = {"explanation": "解析 explanation", "source": "出处 source", "question": "题干 question",
                "answer": "答案 answer", "type": "题型 type", "id": "编号 id"}


def _describe(e: ValidationError) -> str:
    parts = []
    for err in e.errors():
        loc = str(err["loc"][0]) if err["loc"] else ""
        if err["type"] == "missing" and loc in _FIELD_NAMES:
            parts.append(f"缺少{_FIELD_NAMES[loc]}")
        elif err["type"] == "literal_error" and loc == "type":
            parts.append(f"题型 type 只能是 single、multiple、truefalse 或 fill，现在是“{err['input']}”")
        else:
            parts.append(describe_validation_error(ValidationError.from_exception_data(e.title, [err])))
    return "；".join(parts)


def _check_answer(q: Question) -> str | None:
    """The problem with the answer key for this question type, or None."""
    opts = q.options_list
    if q.type in ("single", "multiple"):
        if not 2 <= len(opts) <= len(LETTERS):
            return f"{TYPE_NAMES[q.type]}应有 2 到 {len(LETTERS)} 个选项 options，现在有 {len(opts)} 个"
        letters = LETTERS[: len(opts)]
        given = [q.answer] if q.type == "single" else q.answer
        if q.type == "single" and not (isinstance(q.answer, str) and len(q.answer) == 1 and q.answer.isupper()):
            return f"单选题的答案应为一个选项字母（如 A），现在是 {q.answer!r}"
        if q.type == "multiple" and not (isinstance(q.answer, list) and len(q.answer) >= 2
                                         and all(isinstance(x, str) and len(x) == 1 and x.isupper() for x in q.answer)):
            return f"多选题的答案应为至少两个选项字母的列表（如 [A, C]），现在是 {q.answer!r}"
        if q.type == "multiple" and len(set(q.answer)) != len(q.answer):
            return f"多选题的答案里有重复的字母：{q.answer!r}"
        wrong = [x for x in given if x not in letters]
        if wrong:
            return f"答案 {'、'.join(wrong)} 不在选项之中（本题只有 {letters[0]}–{letters[-1]} {len(opts)} 个选项）"
        return None
    if q.options is not None:
        return f"{TYPE_NAMES[q.type]}不应有选项 options"
    if q.type == "truefalse":
        if not isinstance(q.answer, bool):
            return f"判断题的答案应为 true 或 false，现在是 {q.answer!r}"
        return None
    answers = q.answer if isinstance(q.answer, list) else [q.answer]
    if not answers or not all(isinstance(a, str) and a.strip() for a in answers):
        return f"填空题的答案应为文字，或可接受答案的列表（数字请加引号），现在是 {q.answer!r}"
    if not _BLANK.search(q.question):
        return "填空题的题干里应有 ＿＿＿ 或 ____ 表示要填的空"
    return None


def load_quiz_file(path: Path, docs_dir: Path, laws: tuple[LawRegistry, CitationFinder],
                   seen: dict[str, tuple[Path, int]]) -> QuizModule:
    text = path.read_text(encoding="utf-8")
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ContentError(path, "文件顶层应为 module、title、questions 三项", line=1)
    try:
        qf = QuizFile.model_validate(data)
    except ValidationError as e:
        raise ContentError(path, f"文件顶层有误：{describe_validation_error(e)}", line=1) from None
    if qf.module != path.stem:
        raise ContentError(path, f"module 写的是“{qf.module}”，但文件名是 {path.name}；两者应一致", line=1)
    lines = _question_lines(text)
    module = QuizModule(qf.module, qf.title, path)
    for i, raw in enumerate(qf.questions):
        line = lines[i] if i < len(lines) else None
        qid = raw.get("id") if isinstance(raw, dict) else None
        label = f"题目 {qid}" if qid else f"第 {i + 1} 题"
        if not isinstance(raw, dict):
            raise ContentError(path, f"{label}：每道题应为“键: 值”的形式", line=line)
        try:
            q = Question.model_validate(raw)
        except ValidationError as e:
            raise ContentError(path, f"{label}：{_describe(e)}", line=line) from None
        if q.type == "fill" and isinstance(q.answer, int) and not isinstance(q.answer, bool):
            q.answer = str(q.answer)
        if not re.fullmatch(rf"{re.escape(qf.module)}-\d{{3}}", q.id):
            raise ContentError(path, f"{label}：编号应为 {qf.module}-NNN 的形式（如 {qf.module}-001）", line=line)
        if q.id in seen:
            other, other_line = seen[q.id]
            raise ContentError(path, f"{label}：编号重复，{other} 第 {other_line} 行已经用过；请改用新的编号", line=line)
        seen[q.id] = (path, line or 0)
        problem = _check_answer(q)
        if problem:
            raise ContentError(path, f"{label}：{problem}", line=line)
        cq = CheckedQuestion(q, qf.module, path, line or 0)
        _check_source(cq, label, docs_dir, laws)
        module.questions.append(cq)
    if not module.questions:
        raise ContentError(path, "没有题目：questions 列表是空的", line=1)
    return module


def _check_source(cq: CheckedQuestion, label: str, docs_dir: Path,
                  laws: tuple[LawRegistry, CitationFinder]) -> None:
    q, path, line = cq.q, cq.path, cq.line or None
    if _PAGE_SOURCE.match(q.source):
        page = q.source.split("#")[0]
        if not (docs_dir / page).is_file():
            raise ContentError(path, f"{label}：出处 {q.source} 指向的页面 docs/{page} 不存在", line=line)
        if q.fact is not None:
            raise ContentError(path, f"{label}：fact 只用于条文出处（出处是页面时请删去 fact）", line=line)
        title = read_front_matter(docs_dir / page).get("title") or page
        cq.link_target, cq.link_label = q.source, f"{title}（培训单元）"
        return
    try:
        ref = resolve_citation(q.source, *laws)
    except ValueError as e:
        raise ContentError(path, f"{label}：{e}", line=line) from None
    if not q.fact or not q.fact.strip():
        raise ContentError(path, f"{label}：出处是条文时必须写 fact（从条文中原样摘抄答案所依据的词句）", line=line)
    if normalise_text(q.fact) not in normalise_text(ref.article.text):
        raise ContentError(
            path, f"{label}：fact“{q.fact}”在{q.source}（{ref.law_name}{ref.article.number}）的条文中找不到；"
                  f"请从条文中原样摘抄", line=line)
    cq.article, cq.link_target, cq.link_label = ref, ref.target, q.source


def load_quiz_bank(docs_dir: Path, quiz_dir: Path | None = None,
                   registry: LawRegistry | None = None) -> QuizBank:
    """Load and check every quiz file; the first problem raises ContentError."""
    quiz_dir = quiz_dir or docs_dir / QUIZ_DIR
    registry = registry or build_registry(docs_dir)
    laws = (registry, CitationFinder(registry.aliases()))
    seen: dict[str, tuple[Path, int]] = {}
    modules = {}
    order = {slug: i for i, slug in enumerate(MODULE_ORDER)}
    for path in sorted(quiz_dir.glob("*.yaml"), key=lambda p: (order.get(p.stem, len(order)), p.stem)):
        m = load_quiz_file(path, docs_dir, laws, seen)
        modules[m.slug] = m
    return QuizBank(modules)


# ---------------------------------------------------------------------------------------------
# Pages: every module with questions has a practice page and two print pages

def module_pages(slug: str) -> dict[str, str]:
    return {"practice": f"{QUIZ_DIR}/{slug}.md", "paper": f"{PRINT_DIR}/{slug}-paper.md",
            "key": f"{PRINT_DIR}/{slug}-key.md"}


_STUBS = {
    "practice": "---\ntitle: {title} · 练习\n---\n\n# {title} · 练习\n\n{{{{ quiz(\"{slug}\") }}}}\n",
    "paper": "---\ntitle: {title} · 试卷（打印版）\nsearch:\n  exclude: true\n---\n\n"
             "# {title} · 试卷\n\n{{{{ quiz_paper(\"{slug}\") }}}}\n",
    "key": "---\ntitle: {title} · 参考答案（打印版）\nsearch:\n  exclude: true\n---\n\n"
           "# {title} · 参考答案\n\n{{{{ quiz_key(\"{slug}\") }}}}\n",
}


def check_module_pages(bank: QuizBank, docs_dir: Path) -> None:
    for m in bank.modules.values():
        missing = [p for p in module_pages(m.slug).values() if not (docs_dir / p).is_file()]
        if missing:
            raise ContentError(m.path, f"有题目，但缺少页面 {'、'.join('docs/' + p for p in missing)}；"
                                       f"运行 python -m macros.quizzes --write-pages 即可生成")


def write_missing_pages(bank: QuizBank, docs_dir: Path) -> list[str]:
    written = []
    for m in bank.modules.values():
        for kind, rel in module_pages(m.slug).items():
            target = docs_dir / rel
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(_STUBS[kind].format(title=m.title, slug=m.slug), encoding="utf-8")
                written.append(rel)
    return written


# ---------------------------------------------------------------------------------------------
# Rendering. Question text is raw HTML (escaped); only the source link goes through Markdown
# (md_in_html markdown="span") so that MkDocs rewrites and validates it like any other link.

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
            for i, opt in enumerate(q.options_list))
    if q.type == "truefalse":
        return "\n".join(
            f'<label class="quiz-option"><input type="radio" name="{_e(q.id)}" value="{v}"> {t}</label>'
            for v, t in (("true", "正确"), ("false", "错误")))
    return (f'<label class="quiz-fill">填写答案：<input type="text" name="{_e(q.id)}" '
            f'autocomplete="off" spellcheck="false"></label>')


def question_html(cq: CheckedQuestion, number: int, page_dir: str) -> str:
    q = cq.q
    return "\n".join([
        f'<div class="quiz-question" id="{_e(q.id)}" data-question-id="{_e(q.id)}" '
        f'data-module="{_e(cq.module)}" data-type="{q.type}" markdown="1">',
        "<fieldset>",
        f'<legend><span class="quiz-no">{number}</span>. <span class="quiz-type">[{TYPE_NAMES[q.type]}]</span> '
        f'{_e(q.question)}</legend>',
        _inputs_html(q),
        "</fieldset>",
        '<div class="quiz-actions"><button type="button" class="md-button quiz-check">核对答案</button> '
        '<button type="button" class="md-button quiz-retry" hidden>再做一次</button></div>',
        '<div class="quiz-feedback" hidden markdown="1">',
        '<p class="quiz-verdict" role="status"></p>',
        f'<p class="quiz-answer">正确答案：{_e(q.answer_text())}</p>',
        f'<p class="quiz-explanation">解析：{_e(q.explanation)}</p>',
        _source_html(cq, page_dir),
        "</div>",
        "</div>",
    ])


def _json_script(data: dict) -> str:
    # "</" must not close the script element early
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" class="quiz-data">{text}</script>'


def quiz_data(bank: QuizBank, questions: list[CheckedQuestion]) -> dict:
    return {
        "modules": {m.slug: {"title": m.title, "count": len(m.questions)} for m in bank.modules.values()},
        "answers": {cq.q.id: {"module": cq.module, "type": cq.q.type, "answer": cq.q.answer_data()}
                    for cq in questions},
    }


def render_practice(bank: QuizBank, slug: str, page_dir: str) -> str:
    m = bank.module(slug)
    exam = posixpath.relpath(f"{QUIZ_DIR}/exam.md", page_dir)
    pages = module_pages(slug)
    intro = (f'<div class="quiz-intro" markdown="1">\n'
             f'<p markdown="span">共 {len(m.questions)} 题。逐题作答后点“核对答案”，马上能看到对错、解析和所依据的条文。'
             f'想测一测：[本单元考试]({exam}?module={slug})；'
             f'打印：[试卷]({posixpath.relpath(pages["paper"], page_dir)})、'
             f'[参考答案]({posixpath.relpath(pages["key"], page_dir)})。</p>\n</div>')
    status = (f'<div class="quiz-status" data-module="{_e(slug)}" aria-live="polite">'
              f'<span class="quiz-progress" data-module="{_e(slug)}"></span> '
              f'<span class="quiz-session"></span></div>')
    body = "\n\n".join(question_html(cq, i, page_dir) for i, cq in enumerate(m.questions, 1))
    return "\n\n".join([intro, status,
                        f'<div class="quiz quiz-practice" data-module="{_e(slug)}" markdown="1">\n\n{body}\n\n</div>',
                        _json_script(quiz_data(bank, m.questions))])


def _pool(bank: QuizBank, page_dir: str) -> str:
    body = "\n\n".join(question_html(cq, i, page_dir) for i, cq in enumerate(bank.questions(), 1))
    return f'<div class="quiz-pool" hidden markdown="1">\n\n{body}\n\n</div>'


def render_exam(bank: QuizBank, page_dir: str) -> str:
    options = "".join(f'<option value="{_e(m.slug)}">{_e(m.title)}（{len(m.questions)} 题）</option>'
                      for m in bank.modules.values())
    total = len(bank.questions())
    form = (
        '<form class="quiz-exam-setup">'
        f'<p><label>范围：<select name="module"><option value="all">全部单元（{total} 题）</option>{options}</select></label></p>'
        f'<p><label>题数：<input type="number" name="count" min="1" max="{total}" value="10"></label></p>'
        '<p><button type="submit" class="md-button md-button--primary">开始考试</button></p>'
        '</form>')
    exam = ('<div class="quiz quiz-exam" hidden>'
            '<p class="quiz-exam-info" role="status"></p>'
            '<div class="quiz-exam-questions"></div>'
            '<p><button type="button" class="md-button md-button--primary quiz-submit">交卷</button></p>'
            '<div class="quiz-result" role="status" hidden></div>'
            '</div>')
    return "\n\n".join([form, exam, _pool(bank, page_dir), _json_script(quiz_data(bank, bank.questions()))])


def render_mistakes(bank: QuizBank, page_dir: str) -> str:
    box = ('<div class="quiz quiz-mistakes" aria-live="polite">'
           '<p class="quiz-mistakes-info">正在读取错题本……</p>'
           '<div class="quiz-mistakes-questions"></div></div>')
    return "\n\n".join([box, _pool(bank, page_dir), _json_script(quiz_data(bank, bank.questions()))])


def render_paper(bank: QuizBank, slug: str, page_dir: str) -> str:
    m = bank.module(slug)
    out = ['<div class="quiz-paper">',
           '<p class="quiz-paper-head">姓名：<span class="quiz-line"></span> 日期：<span class="quiz-line"></span> '
           f'得分：<span class="quiz-line"></span>（共 {len(m.questions)} 题）</p>']
    for i, cq in enumerate(m.questions, 1):
        q = cq.q
        out.append(f'<div class="quiz-paper-question" data-question-id="{_e(q.id)}">')
        mark = "（　　）" if q.type != "fill" else ""
        out.append(f"<p>{i}. [{TYPE_NAMES[q.type]}] {_e(q.question)}{mark}</p>")
        if q.options:
            out.append('<ol class="quiz-paper-options" type="A">'
                       + "".join(f"<li>{_e(o)}</li>" for o in q.options) + "</ol>")
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out)


def render_key(bank: QuizBank, slug: str, page_dir: str) -> str:
    m = bank.module(slug)
    out = ['<div class="quiz-key" markdown="1">']
    for i, cq in enumerate(m.questions, 1):
        out += [f'<div class="quiz-key-item" data-question-id="{_e(cq.q.id)}" markdown="1">',
                f'<p><strong>{i}. 答案：{_e(cq.q.answer_text())}</strong>　{_e(cq.q.explanation)}</p>',
                _source_html(cq, page_dir), "</div>"]
    out.append("</div>")
    return "\n".join(out)


def render_index(bank: QuizBank, page_dir: str) -> str:
    rows = ["| 单元 | 题数 | 我的进度 | 打印 |", "| --- | ---: | --- | --- |"]
    for m in bank.modules.values():
        pages = {k: posixpath.relpath(v, page_dir) for k, v in module_pages(m.slug).items()}
        rows.append(f"| [{m.title}]({pages['practice']}) | {len(m.questions)} "
                    f'| <span class="quiz-progress" data-module="{_e(m.slug)}"></span> '
                    f"| [试卷]({pages['paper']}) · [答案]({pages['key']}) |")
    total = len(bank.questions())
    rows.append(f"| **合计** | **{total}** | | |")
    return "\n".join(rows) + "\n\n" + _json_script(quiz_data(bank, []))


def macros(bank: QuizBank, page_dir: Callable[[], str]) -> dict[str, Callable[..., str]]:
    """The page macros, by name; page_dir() gives the current page's folder (docs-relative)."""
    return {
        "quiz": lambda module: render_practice(bank, module, page_dir()),
        "quiz_paper": lambda module: render_paper(bank, module, page_dir()),
        "quiz_key": lambda module: render_key(bank, module, page_dir()),
        "quiz_exam": lambda: render_exam(bank, page_dir()),
        "quiz_mistakes": lambda: render_mistakes(bank, page_dir()),
        "quiz_index": lambda: render_index(bank, page_dir()),
    }


def main(argv: list[str]) -> int:
    docs_dir = Path("docs")
    try:
        bank = load_quiz_bank(docs_dir)
    except ContentError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    if "--write-pages" in argv:
        for rel in write_missing_pages(bank, docs_dir):
            print(f"已生成 docs/{rel}")
    total = 0
    for m in bank.modules.values():
        types = {t: sum(cq.q.type == t for cq in m.questions) for t in TYPE_NAMES}
        print(f"{m.slug}: {len(m.questions)} 题（" + "，".join(f"{TYPE_NAMES[t]} {n}" for t, n in types.items()) + "）")
        total += len(m.questions)
    print(f"合计 {total} 题")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
