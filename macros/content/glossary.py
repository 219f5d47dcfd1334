"""The glossary (术语表): terms explained in plain words, each with the articles behind it.
Data: docs/indexes/glossary.yaml, validated here; rendered by the glossary() macro."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from ..core.datafile import raise_all, read_entries
from ..core.errors import ContentError
from ..core.files import ProjectFiles
from ..core.sorting import pinyin_key
from ..xref.citations import CitationFinder
from ..xref.graph import TextSource

GLOSSARY_FILE = "indexes/glossary.yaml"
GLOSSARY_PAGE = "indexes/glossary.md"


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid")
    term: str
    aliases: list[str] = []
    definition: str
    articles: list[str] = []  # plain citations, one article each: 《土地管理法》第六十二条

    @field_validator("term", "definition")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("不能为空")
        return v.strip()


def load_glossary(docs_dir: Path, finder: CitationFinder, files: ProjectFiles | None = None) -> list[Term]:
    """The glossary's terms; every bad entry is a problem (all raised together)."""
    path = docs_dir / GLOSSARY_FILE
    if not path.exists():
        return []
    terms, seen, problems = [], set(), []
    for where, term in read_entries(files or ProjectFiles(), path, "terms", Term, noun="个术语", name_field="term"):
        if term.term in seen:
            problems.append(ContentError(path, f"{where}：术语重复"))
        seen.add(term.term)
        for cite in term.articles:
            found = finder.find(cite)
            if len(found) != 1 or found[0].text != cite.strip():
                problems.append(
                    ContentError(
                        path, f"{where}：“{cite}”不是一条完整的法条引用，请写成《土地管理法》第六十二条这样的形式"
                    )
                )
            elif found[0].law_id is None:
                problems.append(ContentError(path, f"{where}：“{cite}”所引的法律本站未收录"))
        terms.append(term)
    raise_all(problems)
    return terms


def glossary_sources(docs_dir: Path, terms: list[Term], files: ProjectFiles) -> list[TextSource]:
    """The glossary's citations, for the citation graph (shown on the glossary page)."""
    path = docs_dir / GLOSSARY_FILE
    lines = files.text(path).split("\n") if path.exists() else []
    out = []
    for t in terms:
        line = next(
            (i + 1 for i, ln in enumerate(lines) if re.match(rf"\s*-\s*term:\s*{re.escape(t.term)}\s*$", ln)), None
        )
        for cite in t.articles:
            out.append(TextSource(GLOSSARY_PAGE, str(path), line, cite))
    return out


def glossary_markdown(terms: list[Term]) -> str:
    if not terms:
        return "术语表暂无内容。"
    out = []
    for t in sorted(terms, key=lambda t: pinyin_key(t.term)):
        out += [f"## {t.term}", ""]
        if t.aliases:
            out += [f"*又称：{'、'.join(t.aliases)}*", ""]
        out += [t.definition, ""]
        if t.articles:
            out += [f"相关法条：{'；'.join(t.articles)}", ""]
    return "\n".join(out)
