"""救济途径与时限: for each kind of decision or dispute the township meets, the villager's
remedies, their time limits, the body to apply to and the articles they rest on, quoted.

Data: docs/reception/remedies.yaml (beside its page), one entry per row; the page docs/reception/remedies.md shows it
with the remedies_table() macro, each row under a heading whose anchor is the row's id, so that
reception scripts can link it (remedies.md#land-dispute-decision).

Because a wrong time limit costs a villager his remedy, the loader is strict:

- every citation resolves to an article that exists (citations in free text included);
- every quotation (`basis: - cite / quote`) is in its article, word for word (quoted_in, as page
  quotations are checked); a rule the site does not carry cannot be quoted here (its words
  could not be checked): import it first (README.md, 法律条文从哪里来);
- every figure of a time (六十日, 30日, 六个月, 二年, 七十二小时 …) written in a route, a note or a
  row's description appears in one of the quotations that go with it;
- `](#id)` links point to rows that exist.

Errors are ContentErrors naming the file, the line and the entry (第 3 项（homestead-refusal）).
Plain Python, no mkdocs import; one module, so that it can move with the content code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..core.datafile import key_lines, parse_yaml
from ..core.errors import ContentError, describe_validation_error
from ..core.files import ProjectFiles
from ..laws.registry import LawRegistry, RegisteredArticle
from ..xref.citations import Citation, CitationFinder
from ..xref.graph import TextSource, missing_article_message
from ..xref.quotations import Quotation, mismatch_message, quotation_after, quoted_in

REMEDIES_PAGE = "reception/remedies.md"
REMEDIES_FILE = "reception/remedies.yaml"  # docs-relative, beside the page

_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_ROW_LINK = re.compile(r"\]\(#([^)\s]+)\)")
# a figure of time: 六十日, 30日, 六个月, 二年, 十五个工作日, 七十二小时
_FIGURE = re.compile(r"(?:[0-9]+|[零〇一二两三四五六七八九十百千]+)个?(?:工作日|小时|日|天|月|年|周)")
_PRC = "中华人民共和国"
# YAML's folded `>-` joins lines with a space, which Chinese text does not have
_FOLD_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def _clean(v: str) -> str:
    v = _FOLD_SPACE.sub("", v.strip())
    if not v:
        raise ValueError("不能为空")
    return v


class Basis(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cite: str  # one citation: 《行政复议法》第二十条第一款
    quote: str  # the article's own words, “……” leaving out a stretch

    @field_validator("cite", "quote")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        return _clean(v)

    @field_validator("quote")
    @classmethod
    def _inner_quotes(cls, v: str) -> str:
        if "“" in v or "”" in v:
            raise ValueError("引文里的引号请写成‘’（条文中的“”）")
        return v


class Route(BaseModel):
    model_config = ConfigDict(extra="forbid")
    remedy: str  # 行政复议, 向人民法院起诉, 责令改正 …
    time_limit: str | None = None  # as the article says it; omitted: the articles set none
    body: str  # to whom the villager applies
    basis: list[Basis]

    @field_validator("remedy", "time_limit", "body")
    @classmethod
    def _not_blank(cls, v: str | None) -> str | None:
        return None if v is None else _clean(v)

    @field_validator("basis")
    @classmethod
    def _some(cls, v: list[Basis]) -> list[Basis]:
        if not v:
            raise ValueError("至少写一条依据（引用和原文）")
        return v


class Note(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    basis: list[Basis] = []  # none only for a 接待提示 that states no law

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        return _clean(v)


class Remedy(BaseModel):
    """One row of the page: a kind of decision or dispute and the ways open against it."""

    model_config = ConfigDict(extra="forbid")
    id: str  # the row's anchor on the page
    title: str
    situation: str  # what the case is, in plain words
    routes: list[Route]
    notes: list[Note] = []

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("id 只能用小写字母、数字和连字符，并以字母开头（它是页面上这一项的锚点）")
        return v

    @field_validator("title", "situation")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        return _clean(v)

    @field_validator("routes")
    @classmethod
    def _some(cls, v: list[Route]) -> list[Route]:
        if not v:
            raise ValueError("至少写一种救济途径")
        return v


@dataclass
class RemedyTable:
    path: Path
    rows: list[Remedy]
    sources: list[TextSource] = field(default_factory=list)  # for the citation graph


# ---- where things are in the file ------------------------------------------------------------


def _node_lines(text: str) -> dict[tuple, int]:
    """(entry index, field, …) -> 1-based line of that key or item in the YAML file."""
    return {k[1:]: v for k, v in key_lines(text).items() if k and k[0] == "remedies"}


# ---- loading and checking --------------------------------------------------------------------


class _Checker:
    def __init__(self, path: Path, registry: LawRegistry, finder: CitationFinder):
        self.path, self.registry, self.finder = path, registry, finder

    def error(self, where: str, message: str, line: int | None) -> ContentError:
        return ContentError(self.path, f"{where}：{message}", line=line)

    def articles_of(self, cit: Citation, where: str, line: int | None) -> list[RegisteredArticle]:
        """The articles a citation names; errors for an article that does not exist or a rule
        the site does not carry."""
        if cit.law_id is None:
            raise self.error(
                where,
                f"“{cit.text}”所引的《{cit.law_name.removeprefix(_PRC)}》本站未收录，引文无法核对："
                "请先导入它（README“法律条文从哪里来”），或改引本站收录的法律",
                line,
            )
        law = self.registry.laws[cit.law_id]
        found = []
        for n, sub in cit.article_numbers():
            art = law.article(n, sub)
            if art is None:
                raise self.error(where, missing_article_message(cit, law, n, sub), line)
            found.append(art)
        return found

    def check_quote(self, cit: Citation, words: str, where: str, line: int | None) -> None:
        found = self.articles_of(cit, where, line)
        if quoted_in(words, "\n".join(a.text for a in found)):
            return
        law = self.registry.laws[cit.law_id]  # type: ignore[index]  # articles_of checked it
        raise self.error(where, mismatch_message(Quotation(cit, 0, 0, words), law, list(found)), line)

    def check_basis(self, b: Basis, where: str, line: int | None) -> None:
        """Check one basis: a single citation, and the quotation in its article."""
        found = self.finder.find(b.cite)
        if len(found) != 1 or found[0].text != b.cite:
            raise self.error(
                where, f"“{b.cite}”不是一条完整的法条引用，请写成《行政复议法》第二十条第一款这样的形式", line
            )
        self.check_quote(found[0], b.quote, where, line)

    def check_text(self, text: str, where: str, line: int | None) -> None:
        """Citations written in free text: the article exists; a quotation after one is in it."""
        for cit in self.finder.find(text):
            q = quotation_after(text, cit)
            if q is not None:
                self.check_quote(cit, q.words, where, line)
            elif cit.law_id is not None:  # a plain mention of an uncarried rule is the graph's to report
                self.articles_of(cit, where, line)

    def check_figures(self, text: str, quotes: list[str], where: str, what: str, line: int | None) -> None:
        joined = re.sub(r"\s+", "", "".join(quotes))
        for m in _FIGURE.finditer(re.sub(r"\s+", "", text)):
            if m.group(0) not in joined:
                raise self.error(
                    where,
                    f"{what}里的“{m.group(0)}”不在所附的引文中：期限和数字必须是所引条文写明的，"
                    "并照条文的写法写（条文写“六十日”就写“六十日”）；请补上写明它的引文，或改正数字",
                    line,
                )


def _inline_quotes(text: str, finder: CitationFinder) -> list[str]:
    return [q.words for c in finder.find(text) if (q := quotation_after(text, c)) is not None]


def load_remedies(
    docs_dir: Path,
    registry: LawRegistry,
    finder: CitationFinder,
    files: ProjectFiles | None = None,
    path: Path | None = None,
) -> RemedyTable | None:
    """The checked table, or None when the site has no remedies page (small fixture sites)."""
    files = files or ProjectFiles()
    if not (docs_dir / REMEDIES_PAGE).exists():
        return None
    path = path or docs_dir / REMEDIES_FILE
    if not path.exists():
        raise ContentError(
            docs_dir / REMEDIES_PAGE, f"页面用到的数据文件 {path.name} 不存在（应在页面旁边：docs/{REMEDIES_FILE}）"
        )
    text = files.text(path)
    data = parse_yaml(text, path)
    if not isinstance(data, dict) or not isinstance(data.get("remedies"), list):
        raise ContentError(path, "文件顶层应为 `remedies:` 列表")
    lines = _node_lines(text)
    check = _Checker(path, registry, finder)
    table = RemedyTable(path, [])
    page, file = REMEDIES_PAGE, str(path)

    def source(text: str, at: tuple) -> None:
        if "第" in text:
            table.sources.append(TextSource(page, file, lines.get(at), text))

    for i, raw in enumerate(data["remedies"]):
        name = raw.get("id") if isinstance(raw, dict) else None
        where = f"第 {i + 1} 项" + (f"（{name}）" if name else "")
        try:
            row = Remedy.model_validate(raw)
        except ValidationError as e:
            raise ContentError(path, f"{where}：{describe_validation_error(e)}", line=lines.get((i,))) from None
        if any(r.id == row.id for r in table.rows):
            raise ContentError(path, f"{where}：id “{row.id}”与前面的项重复", line=lines.get((i, "id")))
        all_quotes = [b.quote for r in row.routes for b in r.basis] + [b.quote for n in row.notes for b in n.basis]

        at: tuple = (i, "situation")
        check.check_text(row.situation, where, lines.get(at))
        check.check_figures(
            row.situation, all_quotes + _inline_quotes(row.situation, finder), where, "说明", lines.get(at)
        )
        source(row.situation, at)
        for k, route in enumerate(row.routes):
            rw = f"{where}的第 {k + 1} 种途径（{route.remedy}）"
            quotes = [b.quote for b in route.basis]
            for fld in ("remedy", "time_limit", "body"):
                text = getattr(route, fld)
                if text is None:
                    continue
                at = (i, "routes", k, fld)
                check.check_text(text, rw, lines.get(at))
                check.check_figures(
                    text,
                    quotes + _inline_quotes(text, finder),
                    rw,
                    {"remedy": "途径", "time_limit": "时限", "body": "向谁"}[fld],
                    lines.get(at),
                )
                source(text, at)
            for j, b in enumerate(route.basis):
                check.check_basis(b, f"{rw}的依据 {j + 1}", lines.get((i, "routes", k, "basis", j, "cite")))
                source(f"{b.cite}：“{b.quote}”", (i, "routes", k, "basis", j, "cite"))
        for k, note in enumerate(row.notes):
            nw = f"{where}的第 {k + 1} 条注意"
            at = (i, "notes", k, "text")
            check.check_text(note.text, nw, lines.get(at))
            check.check_figures(
                note.text,
                [b.quote for b in note.basis] + _inline_quotes(note.text, finder),
                nw,
                "注意事项",
                lines.get(at),
            )
            source(note.text, at)
            for j, b in enumerate(note.basis):
                check.check_basis(b, f"{nw}的依据 {j + 1}", lines.get((i, "notes", k, "basis", j, "cite")))
                source(f"{b.cite}：“{b.quote}”", (i, "notes", k, "basis", j, "cite"))
        table.rows.append(row)

    ids = {r.id for r in table.rows}
    for i, row in enumerate(table.rows):
        texts = [
            row.situation,
            *(t for r in row.routes for t in (r.remedy, r.time_limit or "", r.body)),
            *(n.text for n in row.notes),
        ]
        for target in (m.group(1) for t in texts for m in _ROW_LINK.finditer(t)):
            if target not in ids:
                raise ContentError(
                    path,
                    f"第 {i + 1} 项（{row.id}）：链接“#{target}”指向的项不存在；可用的 id：{'、'.join(sorted(ids))}",
                    line=lines.get((i,)),
                )
    return table


# ---- the page --------------------------------------------------------------------------------


def _basis_line(b: Basis) -> str:
    return f"{b.cite}：“{b.quote}”"


def remedies_markdown(table: RemedyTable | None) -> str:
    """A list of the rows, then one section per row (`## 标题 {#id}`): the case, each route as a
    short list — 时限, 向谁, 依据 with the article's words — then the points to watch. Lists,
    not wide tables: the page is read on phones and printed."""
    if table is None or not table.rows:
        return "暂无内容。"
    out = ["本页各项：", ""] + [f"- [{row.title}](#{row.id})" for row in table.rows] + [""]
    for row in table.rows:
        out += [f"## {row.title} {{#{row.id}}}", "", row.situation, ""]
        for k, route in enumerate(row.routes, start=1):
            label = f"途径{'一二三四五六七八九十'[k - 1]}" if len(row.routes) > 1 else "途径"
            out += [f"**{label}：{route.remedy}**", ""]
            out.append(f"- **时限**：{route.time_limit or '所引条文没有规定期限'}")
            out.append(f"- **向谁**：{route.body}")
            if len(route.basis) == 1:
                out.append(f"- **依据**：{_basis_line(route.basis[0])}")
            else:
                out.append("- **依据**：")
                out += [f"    - {_basis_line(b)}" for b in route.basis]
            out.append("")
        if row.notes:
            out += ["**注意**", ""]
            for note in row.notes:
                out.append(f"- {note.text}")
                for b in note.basis:
                    out += ["", f"    {_basis_line(b)}"]
                out.append("")
    return "\n".join(out)
