"""YAML data files (law list, referral directory, glossary, quizzes, templates …): parsed once,
syntax errors explained in Chinese at the line where the editor must look, and lists of entries
validated entry by entry so that every bad entry is reported, not only the first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import ContentError, ContentProblems, describe_validation_error
from .files import ProjectFiles

# libyaml's loader where PyYAML has it: the pure-Python one dominates large builds
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# PyYAML's problems, in words an office editor can act on
_YAML_PROBLEMS = [
    ("found character '\\t' that cannot start any token", "用了 Tab 键缩进：YAML 只能用空格缩进"),
    ("found unexpected end of stream", "引号或括号没有闭合，文件就结束了"),
    ("did not find expected key", "缩进没有对齐，或上一行的引号没有闭合"),
    ("did not find expected ',' or ']'", "方括号 [ ] 里的列表没有闭合，或少了逗号"),
    ("did not find expected ',' or '}'", "花括号 { } 没有闭合，或少了逗号"),
    ("did not find expected '-' indicator", "列表项的缩进没有对齐（每一项以同样缩进的 - 开头）"),
    ("mapping values are not allowed here", "这里不能有英文冒号“: ”：值里有冒号时，请给整个值加上引号"),
    ("could not find expected ':'", "缺少“键: 值”中的英文冒号，或上一行的引号没有闭合"),
    ("found undefined alias", "用了未定义的 * 别名：值以 * 开头时请加引号"),
    ("expected <block end>, but found", "缩进不一致：同一层的项要用同样多的空格"),
    ("found duplicate anchor", "& 锚点重复"),
    ("expected a comment or a line break", "引号后面多了文字：引号只能包住整个值"),
]


def explain_yaml_error(e: yaml.YAMLError) -> tuple[str, int | None]:
    """(Chinese explanation, 1-based line) for a PyYAML error. An unclosed quotation is reported
    where it opens, not at the end of the file where PyYAML notices it."""
    problem = str(getattr(e, "problem", None) or e)
    context = str(getattr(e, "context", None) or "")
    mark = getattr(e, "problem_mark", None)
    context_mark = getattr(e, "context_mark", None)
    if "quoted scalar" in context and context_mark is not None:
        return "引号没有闭合：这一行开始的引号，后面找不到配对的另一半", context_mark.line + 1
    if "flow sequence" in context and context_mark is not None:
        return "方括号 [ ] 没有闭合，或列表项之间少了逗号", context_mark.line + 1
    if "flow mapping" in context and context_mark is not None:
        return "花括号 { } 没有闭合，或少了逗号", context_mark.line + 1
    for english, chinese in _YAML_PROBLEMS:
        if english in problem:
            return chinese, (mark.line + 1 if mark else None)
    return f"格式有误（{problem}）", (mark.line + 1 if mark else None)


def parse_yaml(text: str, path: Path | str, first_line: int = 1, what: str = "YAML 格式错误") -> Any:
    """Parse YAML text; a syntax error becomes a ContentError naming file and line.
    `first_line`: the line of the file where `text` starts (front matter starts on line 2)."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as e:
        message, line = explain_yaml_error(e)
        raise ContentError(
            path, f"{what}：{message}（请检查缩进、冒号和引号）", line=None if line is None else line + first_line - 1
        ) from None


def key_lines(text: str, first_line: int = 1) -> dict[tuple, int]:
    """Line of every key and list item, by path: ('laws', 2, 'name') → 17. For messages that
    name the line of the field that is wrong, not the top of the file."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    out: dict[tuple, int] = {}

    def walk(node, path: tuple) -> None:
        out.setdefault(path, node.start_mark.line + first_line)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                out[(*path, key.value)] = key.start_mark.line + first_line
                walk(value, (*path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i))

    if root is not None:
        walk(root, ())
    return out


def line_of(lines: dict[tuple, int], path: tuple) -> int | None:
    """The line of `path`, or of the nearest enclosing key that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


def read_yaml(files: ProjectFiles, path: Path) -> Any:
    return parse_yaml(files.text(path), path)


def validation_problems(
    e: ValidationError, path: Path | str, lines: dict[tuple, int], base: tuple, prefix: str = ""
) -> list[ContentError]:
    """One ContentError per field error, each at the field's own line."""
    out = []
    for err in e.errors():
        loc = tuple(err["loc"])
        single = ValidationError.from_exception_data(e.title, [err])  # type: ignore[list-item]
        out.append(ContentError(path, prefix + describe_validation_error(single), line=line_of(lines, (*base, *loc))))
    return out


def read_entries(
    files: ProjectFiles, path: Path, key: str, model, noun: str = "项", name_field: str = "name"
) -> list[tuple[str, Any]]:
    """A data file that is a list of entries under `key:`, each validated by the pydantic
    `model`. Returns (where, entry) pairs — `where` names the entry for later messages
    (第 3 项（自然资源所）). Every bad entry is a problem at its line; raises them all at once."""
    text = files.text(path)
    data = parse_yaml(text, path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ContentError(path, f"文件顶层应为 `{key}:` 列表", line=1)
    lines = key_lines(text)
    out, problems = [], []
    for i, raw in enumerate(data[key], start=1):
        name = raw.get(name_field) if isinstance(raw, dict) else None
        where = f"第 {i} {noun}" + (f"（{name}）" if name else "")
        try:
            out.append((where, model.model_validate(raw)))
        except ValidationError as e:
            problems += validation_problems(e, path, lines, (key, i - 1), prefix=f"{where}：")
    raise_all(problems)
    return out


def raise_all(problems: list[ContentError]) -> None:
    """Raise the problems found, if any: one as itself, several together."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ContentProblems(problems)
