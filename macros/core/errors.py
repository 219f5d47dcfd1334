"""One kind of error for every content problem, with the file, where in it, and what to do,
worded for an office editor rather than a programmer."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError


class ContentError(Exception):
    """A problem in a content file (law list, law page, data YAML) that must stop the build."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path = _display_path(path)
        self.line = line
        self.message = message
        where = self.path if line is None else f"{self.path} 第 {line} 行"
        super().__init__(f"{where}：{message}")


def _display_path(path: Path | str) -> str:
    """docs/reception/x.md rather than /home/…/docs/reception/x.md: the path the editor knows."""
    p = Path(path)
    try:
        return p.relative_to(Path.cwd()).as_posix() if p.is_absolute() else str(path)
    except ValueError:
        return str(path)


_PYDANTIC_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（请检查拼写，或删除它）",
    "string_type": "应为文字",
    "list_type": "应为列表",
    "int_type": "应为整数",
    "bool_type": "应为 true 或 false",
    "dict_type": "应为键值对",
}


def describe_validation_error(e: ValidationError) -> str:
    """Turn a pydantic error into short Chinese lines: 'field: problem'."""
    parts = []
    for err in e.errors():
        loc = ".".join(str(x) for x in err["loc"]) or "（整项）"
        msg = _PYDANTIC_MESSAGES.get(err["type"])
        if err["type"] == "literal_error":
            allowed = (err.get("ctx") or {}).get("expected", "")
            msg = f"只能是 {allowed.replace(' or ', '、')}，现在是“{err.get('input')}”"
        if msg is None:
            msg = err["msg"].removeprefix("Value error, ")
        parts.append(f"字段 {loc}：{msg}")
    return "；".join(parts)


class ContentProblems(Exception):
    """Several content problems found at once: all are reported, so an editor fixes them in one go."""

    def __init__(self, problems: list[ContentError]):
        # sorted by file, then line: the order an editor works through them
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0))
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"内容检查发现 {len(problems)} 处问题：\n{lines}")
