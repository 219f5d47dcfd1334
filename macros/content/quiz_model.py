"""The quiz bank: docs/training/quizzes/<module>.yaml (the format: README, 添加内容), every
question checked — answer key, options, ids, explanation, source, and that a law answer's `fact`
is in the cited article word for word. Every problem in every file is reported at once, each at
its question's line. Rendering is quiz_render.py; the page generator is macros/cli/quizpages.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..core.cnnum import CN_NUMERAL_CHARS, cn_to_int
from ..core.datafile import key_lines, parse_yaml, raise_all
from ..core.errors import ContentError, describe_validation_error
from ..core.files import ProjectFiles
from ..laws.lawpage import normalise_text
from ..laws.registry import LawRegistry, RegisteredArticle
from ..xref.citations import CitationFinder

QUIZ_DIR = "training/quizzes"  # relative to docs/
PRINT_DIR = "training/quizzes/print"
LETTERS = "ABCDEF"
# The study path's order of modules (docs/training/index.md, and both .nav.yml of docs/training):
# the practice pages, the exam's list, the quiz index and "下一页" follow it (a unit test keeps the
# four in step).
MODULE_ORDER = [
    "office-role",
    "conduct-ethics",
    "discipline",
    "documents",
    "petitions",
    "mediation",
    "meetings",
    "duty-emergency",
    "secrecy-archives-seals",
    "archives",
    "government-openness",
    "research-information",
    "land-management-law",
    "homestead-expropriation",
    "land-contract-law",
    "villagers-committee-law",
    "villagers-committee-2025",
    "collective-economy",
]
# Where the keys sit (the printed paper and its key show the file's order): no letter may be the
# key of more than this share of a module's single-choice questions (at least two are always
# allowed), and the multiple-choice keys may not mostly be "all options" or "the first few
# options, the wrong ones last" (A+B+C of four) — answering by position must not pay.
SINGLE_KEY_SHARE = 0.35
ALL_OPTIONS_SHARE = 0.25
LEADING_KEY_SHARE = 0.40
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
    page: str  # docs-relative path of the law page
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
    link_target: str = ""  # docs-relative page#anchor that the source links to
    link_label: str = ""  # the link's text
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


_FIELD_NAMES = {
    "explanation": "解析 explanation",
    "source": "出处 source",
    "question": "题干 question",
    "answer": "答案 answer",
    "type": "题型 type",
    "id": "编号 id",
}


def _describe(e: ValidationError) -> str:
    parts = []
    for err in e.errors():
        loc = str(err["loc"][0]) if err["loc"] else ""
        if err["type"] == "missing" and loc in _FIELD_NAMES:
            parts.append(f"缺少{_FIELD_NAMES[loc]}")
        elif err["type"] == "literal_error" and loc == "type":
            parts.append(f"题型 type 只能是 single、multiple、truefalse 或 fill，现在是“{err['input']}”")
        else:
            parts.append(describe_validation_error(ValidationError.from_exception_data(e.title, [err])))  # type: ignore[list-item]
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
        if q.type == "multiple" and not (
            isinstance(q.answer, list)
            and len(q.answer) >= 2
            and all(isinstance(x, str) and len(x) == 1 and x.isupper() for x in q.answer)
        ):
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


def _allowed(share: float, n: int, floor: int) -> int:
    return max(floor, int(share * n + 1e-9))


def key_balance_problems(module: QuizModule) -> list[str]:
    """What is wrong with where this module's answer keys sit, in Chinese (empty if nothing)."""
    out = []
    singles = [cq.q for cq in module.questions if cq.q.type == "single"]
    for letter in LETTERS:
        ids = [q.id for q in singles if q.answer == letter]
        if len(ids) > _allowed(SINGLE_KEY_SHARE, len(singles), 2):
            out.append(
                f"单选题的答案太集中：{len(singles)} 道单选题里有 {len(ids)} 道的答案是 {letter}"
                f"（{'、'.join(ids)}），同一个字母最多 {_allowed(SINGLE_KEY_SHARE, len(singles), 2)} 道"
                f"（{round(SINGLE_KEY_SHARE * 100)}%）。请调换其中几道题的选项顺序，并相应改 answer"
            )
    multiples = [cq.q for cq in module.questions if cq.q.type == "multiple"]
    every = [q.id for q in multiples if len(q.answer) == len(q.options_list)]
    if len(every) > _allowed(ALL_OPTIONS_SHARE, len(multiples), 1):
        out.append(
            f"多选题里“全部选项都对”的太多：{len(multiples)} 道多选题里有 {len(every)} 道（{'、'.join(every)}），"
            f"最多 {_allowed(ALL_OPTIONS_SHARE, len(multiples), 1)} 道。请给其中几道换上一个似是而非的错误选项"
        )
    leading = [
        q.id
        for q in multiples
        if len(q.answer) < len(q.options_list) and sorted(q.answer) == list(LETTERS[: len(q.answer)])
    ]
    if len(leading) > _allowed(LEADING_KEY_SHARE, len(multiples), 1):
        out.append(
            f"多选题的答案太有规律：{len(multiples)} 道多选题里有 {len(leading)} 道的答案是前几个选项、"
            f"错误选项都排在最后（{'、'.join(leading)}），最多 {_allowed(LEADING_KEY_SHARE, len(multiples), 1)} 道。"
            f"请调换选项顺序，并相应改 answer"
        )
    return out


def load_quiz_file(
    path: Path,
    text: str,
    laws: tuple[LawRegistry, CitationFinder],
    pages: dict[str, str],
    seen: dict[str, tuple[Path, int]],
) -> tuple[QuizModule | None, list[ContentError]]:
    """One module's file: the module (None if its top level is unusable) and every problem,
    each at its question's line. pages: docs-relative page → title, for page sources."""
    data = parse_yaml(text, path)
    if not isinstance(data, dict):
        return None, [ContentError(path, "文件顶层应为 module、title、questions 三项", line=1)]
    try:
        qf = QuizFile.model_validate(data)
    except ValidationError as e:
        return None, [ContentError(path, f"文件顶层有误：{describe_validation_error(e)}", line=1)]
    problems: list[ContentError] = []
    if qf.module != path.stem:
        problems.append(ContentError(path, f"module 写的是“{qf.module}”，但文件名是 {path.name}；两者应一致", line=1))
    lines = _question_lines(text)
    fields = key_lines(text)
    module = QuizModule(qf.module, qf.title, path)
    for i, raw in enumerate(qf.questions):
        line = lines[i] if i < len(lines) else None
        qid = raw.get("id") if isinstance(raw, dict) else None
        label = f"题目 {qid}" if qid else f"第 {i + 1} 题"

        def at(name: str, i: int = i, line: int | None = line) -> int | None:
            """The line of this question's field `name` (the question's line if it has none)."""
            return fields.get(("questions", i, name), line)

        try:
            module.questions.append(_check_question(raw, qf.module, path, at, label, laws, pages, seen))
        except ContentError as e:
            problems.append(e)
    if not qf.questions:
        problems.append(ContentError(path, "没有题目：questions 列表是空的", line=1))
    problems += [ContentError(path, message, line=1) for message in key_balance_problems(module)]
    return module, problems


def _check_question(
    raw: Any,
    module: str,
    path: Path,
    at: Callable[[str], int | None],
    label: str,
    laws: tuple[LawRegistry, CitationFinder],
    pages: dict[str, str],
    seen: dict[str, tuple[Path, int]],
) -> CheckedQuestion:
    line = at("")
    if not isinstance(raw, dict):
        raise ContentError(path, f"{label}：每道题应为“键: 值”的形式", line=line)
    try:
        q = Question.model_validate(raw)
    except ValidationError as e:
        loc = e.errors()[0]["loc"]
        raise ContentError(path, f"{label}：{_describe(e)}", line=at(str(loc[0])) if loc else line) from None
    if q.type == "fill" and isinstance(q.answer, int) and not isinstance(q.answer, bool):
        q.answer = str(q.answer)
    if not re.fullmatch(rf"{re.escape(module)}-\d{{3}}", q.id):
        raise ContentError(path, f"{label}：编号应为 {module}-NNN 的形式（如 {module}-001）", line=at("id"))
    if q.id in seen:
        other, other_line = seen[q.id]
        raise ContentError(
            path, f"{label}：编号重复，{other} 第 {other_line} 行已经用过；请改用新的编号", line=at("id")
        )
    seen[q.id] = (path, line or 0)
    problem = _check_answer(q)
    if problem:
        raise ContentError(path, f"{label}：{problem}", line=at("answer"))
    cq = CheckedQuestion(q, module, path, line or 0)
    _check_source(cq, label, laws, pages, at)
    return cq


def _check_source(
    cq: CheckedQuestion,
    label: str,
    laws: tuple[LawRegistry, CitationFinder],
    pages: dict[str, str],
    at: Callable[[str], int | None],
) -> None:
    q, path, line = cq.q, cq.path, at("source")
    if _PAGE_SOURCE.match(q.source):
        page = q.source.split("#")[0]
        if page not in pages:
            raise ContentError(path, f"{label}：出处 {q.source} 指向的页面 docs/{page} 不存在", line=line)
        if q.fact is not None:
            raise ContentError(path, f"{label}：fact 只用于条文出处（出处是页面时请删去 fact）", line=at("fact"))
        cq.link_target, cq.link_label = q.source, f"{pages[page] or page}（培训单元）"
        return
    try:
        ref = resolve_citation(q.source, *laws)
    except ValueError as e:
        raise ContentError(path, f"{label}：{e}", line=line) from None
    if not q.fact or not q.fact.strip():
        raise ContentError(path, f"{label}：出处是条文时必须写 fact（从条文中原样摘抄答案所依据的词句）", line=line)
    if normalise_text(q.fact) not in normalise_text(ref.article.text):
        raise ContentError(
            path,
            f"{label}：fact“{q.fact}”在{q.source}（{ref.law_name}{ref.article.number}）的条文中找不到；"
            f"请从条文中原样摘抄",
            line=at("fact"),
        )
    cq.article, cq.link_target, cq.link_label = ref, ref.target, q.source


def load_quiz_bank(
    docs_dir: Path,
    registry: LawRegistry,
    finder: CitationFinder,
    pages: dict[str, str],
    files: ProjectFiles | None = None,
    quiz_dir: Path | None = None,
) -> QuizBank:
    """Load and check every quiz file; every problem of every file is raised together.
    pages: docs-relative page → front-matter title (page sources of questions point to them)."""
    files = files or ProjectFiles()
    seen: dict[str, tuple[Path, int]] = {}
    modules, problems = {}, []
    order = {slug: i for i, slug in enumerate(MODULE_ORDER)}
    quiz_dir = quiz_dir or docs_dir / QUIZ_DIR
    for path in sorted(quiz_dir.glob("*.yaml"), key=lambda p: (order.get(p.stem, len(order)), p.stem)):
        try:
            m, found = load_quiz_file(path, files.text(path), (registry, finder), pages, seen)
        except ContentError as e:
            problems.append(e)
            continue
        problems += found
        if m is not None:
            modules[m.slug] = m
    raise_all(problems)
    return QuizBank(modules)


# ---------------------------------------------------------------------------------------------
# Pages: every module with questions has a practice page and two print pages


def module_pages(slug: str) -> dict[str, str]:
    return {
        "practice": f"{QUIZ_DIR}/{slug}.md",
        "paper": f"{PRINT_DIR}/{slug}-paper.md",
        "key": f"{PRINT_DIR}/{slug}-key.md",
    }


def check_module_pages(bank: QuizBank, pages: set[str]) -> None:
    problems = []
    for m in bank.modules.values():
        missing = [p for p in module_pages(m.slug).values() if p not in pages]
        if missing:
            problems.append(
                ContentError(
                    m.path,
                    f"有题目，但缺少页面 {'、'.join('docs/' + p for p in missing)}；"
                    f"运行 python -m macros.cli.quizpages --write-pages 即可生成",
                )
            )
    raise_all(problems)
