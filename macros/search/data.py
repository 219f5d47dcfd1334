"""Data for the site's search (docs/assets/javascripts/lawsearch.js), from three sources:

- data/search_vocab.yaml: colloquial → statutory words, and filler words of questions;
- data/article_keywords.yaml: 要点 of articles in this project's words, shown under the
  article (article_keyword_blocks) and weighted in search;
- data/article_questions.yaml: how villagers ask what an article answers, in their own words
  (俺家那几亩地能收回去不), indexed with the article like its 要点 but not shown;
- the law pages' front matter: law names and short names, for citations such as 承包法第27条;
- every other page's front matter: what kind of page it is (话术, 表格 …), the names people use
  for it (title, aliases), what villagers say (keywords), its description and topics (indexed
  with the page), the articles a script rests on (key_articles) and its forms;
- the referral directory's offices, offered when the site has nothing on a question.

write_client_data() writes them, with a traditional → simplified character table for the
characters the site uses (from OpenCC's dictionary), to assets/javascripts/lawsearch-data.js.
Plain Python, no mkdocs import: macros/adapter.py wires it into the build."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..core.datafile import key_lines, line_of, read_yaml
from ..core.errors import ContentError, ContentProblems, describe_validation_error
from ..core.figures import figures_missing
from ..core.files import ProjectFiles
from ..core.pagemeta import PageMeta
from ..core.paths import page_url, parse_anchor
from ..laws.lawlist import LawEntry
from ..laws.registry import LawRegistry
from ..xref.citations import CitationFinder
from .index import KEYS_LABEL, write_search_index
from .model import LAW_LABEL, OFFICE_LABEL

CLIENT_DATA = "assets/javascripts/lawsearch-data.js"


def _words(values: list[str]) -> list[str]:
    cleaned = [v.strip() for v in values]
    if not cleaned or any(not v for v in cleaned):
        raise ValueError("不能为空，也不能有空词")
    return cleaned


class SynonymGroup(BaseModel):
    model_config = ConfigDict(extra="forbid")
    say: list[str]  # how villagers say it
    law: list[str]  # how the statutes say it

    _check = field_validator("say", "law")(classmethod(lambda cls, v: _words(v)))

    @field_validator("say")
    @classmethod
    def _not_one_character(cls, v: list[str]) -> list[str]:
        # a say word matches anywhere in the question: one character (嫁, 账) fires on 改嫁, 结账 …
        short = [w for w in v if len(w) < 2]
        if short:
            raise ValueError(f"说法至少要两个字（一个字会在不相干的问题里命中）：{'、'.join(short)}")
        return v


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    synonyms: list[SynonymGroup]
    stop: list[str]
    # spoken or dialect words → standard words (俺 → 我), replaced before anything else
    dialect: dict[str, str] = {}
    # words that ask for a page rather than a rule (怎么写, 格式, 模板): left out when a query is
    # compared with the pages' names
    page_words: list[str] = []
    # law id → weight (0 < w ≤ 1) of its articles in situational queries; checked against the law list
    law_weight: dict[str, float] = {}
    # below this confidence (0–1, see lawsearch.js) the search says the site has nothing on the
    # question and offers the 转办目录; chosen with `make bench-search --coverage`
    not_covered_below: float = 0.0
    # a question about a matter the 转办目录 lists under an office's not_covered (a word of it that
    # no page, keyword or 要点 of the site has) is not covered when that word weighs at least this
    # many times the rest of the question the site is about (lawsearch.js Engine.outside); chosen
    # the same way. 0: not used
    not_covered_outside_ratio: float = 0.0

    _check = field_validator("stop", "page_words")(classmethod(lambda cls, v: _words(v) if v else v))

    @field_validator("not_covered_below")
    @classmethod
    def _threshold(cls, v: float) -> float:
        if not 0 <= v < 1:
            raise ValueError("应在 0 和 1 之间")
        return v

    @field_validator("not_covered_outside_ratio")
    @classmethod
    def _ratio(cls, v: float) -> float:
        if v < 0:
            raise ValueError("不能是负数")
        return v

    @field_validator("law_weight")
    @classmethod
    def _weights(cls, v: dict[str, float]) -> dict[str, float]:
        bad = [k for k, w in v.items() if not 0 < w <= 1]
        if bad:
            raise ValueError(f"权重应大于 0、不大于 1：{', '.join(bad)}")
        return v


# An amendment decision (laws.yaml `amends:`) restates its law's old text item by item: in a
# situational query it would stand beside or ahead of the law it amends. Its articles count this
# much unless the query names or cites the decision itself.
AMENDMENT_WEIGHT = 0.4


def load_vocabulary(path: Path, law_list: list[LawEntry], files: ProjectFiles | None = None) -> Vocabulary:
    raw = read_yaml(files or ProjectFiles(), path)
    try:
        vocab = Vocabulary.model_validate(raw)
    except ValidationError as e:
        raise ContentError(path, f"词表格式不对：{describe_validation_error(e)}") from None
    known = {law.id for law in law_list}
    unknown = sorted(set(vocab.law_weight) - known)
    if unknown:
        raise ContentError(
            path,
            f"law_weight 里的法律 {', '.join(unknown)} 不在法律清单 data/laws.yaml 里："
            f"可用的有 {', '.join(sorted(known))}",
        )
    return vocab


def law_weights(vocab: Vocabulary, laws: list[LawEntry]) -> dict[str, float]:
    """law id → weight of its articles in situational queries: amendment decisions from the law
    list, then the vocabulary's law_weight (which may override them)."""
    weights = {law.id: AMENDMENT_WEIGHT for law in laws if law.amends}
    weights.update(vocab.law_weight)
    return weights


def _load_article_lists(
    registry: LawRegistry, law_list: list[LawEntry], path: Path, files: ProjectFiles, what: str
) -> dict[str, dict[int, list[str]]]:
    """law id → article number → a list of texts (要点 or 问法) from `path`. A law must be in the
    law list (data/laws.yaml) and every article must exist on its page; a listed law without a
    page on the site being built (a small test site) is left out."""
    raw = read_yaml(files, path) or {} if path.exists() else {}
    laws = registry.laws
    known = {law.id for law in law_list}
    if not isinstance(raw, dict):
        raise ContentError(path, f"应为“法律 id: {{条号: [{what}, …]}}”的键值对")
    out: dict[str, dict[int, list[str]]] = {}
    for law_id, articles in raw.items():
        if law_id not in known:
            raise ContentError(
                path, f"法律 {law_id} 不在法律清单 data/laws.yaml 里：可用的有 {', '.join(sorted(known))}"
            )
        if law_id not in laws:
            continue
        if not isinstance(articles, dict):
            raise ContentError(path, f"{law_id}：应为“条号: [{what}, …]”的键值对")
        law = laws[law_id]
        out[law_id] = {}
        for number, texts in articles.items():
            if not isinstance(number, int) or law.article(number) is None:
                raise ContentError(path, f"{law_id} 第 {number} 条不存在（{law.name}共 {len(law.articles)} 条）")
            if not isinstance(texts, list) or not texts or any(not isinstance(k, str) or not k.strip() for k in texts):
                raise ContentError(path, f"{law_id} 第 {number} 条：{what}应为不空的文字列表，不能有空项")
            out[law_id][number] = [k.strip() for k in texts]
    return out


def load_keywords(
    registry: LawRegistry, law_list: list[LawEntry], path: Path, files: ProjectFiles | None = None
) -> dict[str, dict[int, list[str]]]:
    """law id → article number → 要点 (_load_article_lists); a 要点 is shown under the article as
    what it says, so its time limits, shares and amounts must be the article's."""
    files = files or ProjectFiles()
    out = _load_article_lists(registry, law_list, path, files, "要点")
    problems: list[ContentError] = []
    lines: dict[tuple, int] | None = None  # key lines, read only when a problem needs one
    for law_id, articles in out.items():
        for number, keys in articles.items():
            text = registry.laws[law_id].article(number).text  # type: ignore[union-attr]
            for i, key in enumerate(keys):
                for shown in figures_missing(key, text):
                    if lines is None:
                        lines = key_lines(files.text(path))
                    problems.append(
                        ContentError(
                            path,
                            f"{law_id} 第 {number} 条的要点“{key}”里有“{shown}”，这一条的条文里没有这个期限、金额或数字："
                            "要点只写这一条写明的内容（两年、二年、2年算同一个；五到十日要条文里有五日和十日），请对照条文改正",
                            line=line_of(lines, (law_id, str(number), i)),
                        )
                    )
    if problems:
        raise ContentProblems(problems)
    return out


def load_questions(
    registry: LawRegistry, law_list: list[LawEntry], path: Path, files: ProjectFiles | None = None
) -> dict[str, dict[int, list[str]]]:
    """law id → article number → how villagers ask what it answers (_load_article_lists). Not
    shown, so not held to the article's figures: a question may ask 两年了还能告吗 of a
    six-month limit."""
    return _load_article_lists(registry, law_list, path, files or ProjectFiles(), "问法")


def article_keyword_blocks(keywords: dict[str, dict[int, list[str]]]):
    """An ARTICLE_BLOCK_PROVIDERS function: the 要点 line under each article that has them."""

    def keyword_blocks(law_id: str, anchor: str) -> list[str]:
        parsed = parse_anchor(anchor)
        keys = keywords.get(law_id, {}).get(parsed[0]) if parsed and parsed[1] is None else None
        if not keys:
            return []
        # said on the line itself, on screen and on paper: these are the site's words, not the law's
        return [f"**要点**（{KEYS_LABEL}）：" + " · ".join(keys) + "\n{: .article-keys }"]

    return keyword_blocks


@lru_cache(maxsize=1)
def _opencc_table() -> dict[str, str]:
    """Traditional → simplified characters, from the OpenCC dictionary shipped on PyPI."""
    import opencc  # opencc-python-reimplemented: pure Python, dictionaries included

    table = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        if trad and simp:
            table[trad] = simp.split()[0]
    return table


def traditional_table(site_chars: set[str]) -> dict[str, str]:
    """The part of the table that can matter: characters whose simplified form the site uses,
    leaving alone any character the site itself writes (so no simplified text is changed)."""
    return {
        t: s
        for t, s in _opencc_table().items()
        if len(t) == 1 and len(s) == 1 and s in site_chars and t not in site_chars
    }


# What a page is, shown with each search result (lawsearch.js has the labels and icons):
# law 法条, script 话术, form 表格, template 公文模板, training 培训, index 索引.
INDEX_PAGES = {"index.md", "reception/lookup.md", "reception/directory.md"}
# offered, with the office that handles the matter, when the site has nothing on a question
DIRECTORY_PAGE = "reception/directory.md"  # 转办目录: each office at #office-<id> (content/referrals.py)
GENERAL_PAGE = "reception/general.md"  # 接待通则
REFER_PAGES = [DIRECTORY_PAGE, GENERAL_PAGE]


def page_kind(rel: str) -> str:
    """The kind of the page at docs-relative `rel`, by where it is: a section's own index.md,
    the indexes/, the 接待速查 and 转办目录 are 索引; the rest by their folder."""
    if rel.startswith("laws/"):
        return "law"
    if rel in INDEX_PAGES or rel.startswith("indexes/") or rel.endswith("/index.md"):
        return "index"
    for folder, kind in (
        ("reception/", "script"),
        ("templates/forms/", "form"),
        ("templates/", "template"),
        ("training/", "training"),
    ):
        if rel.startswith(folder):
            return kind
    return "index"


def page_entries(
    metas: dict[str, PageMeta],
    registry: LawRegistry,
    finder: CitationFinder,
    use_directory_urls: bool = False,
) -> tuple[dict[str, dict], dict[str, str]]:
    """For every page but the law pages: url → {kind, names, articles, forms} for lawsearch.js,
    and url → the words indexed with the page (aliases, keywords, description, topics).
    articles are the article locations of the page's key_articles (law-page url#art-N)."""
    entries: dict[str, dict] = {}
    keys: dict[str, str] = {}
    for rel, meta in sorted(metas.items()):
        kind = page_kind(rel)
        if kind == "law":
            continue
        url = page_url(rel, use_directory_urls)
        articles: list[str] = []
        for cit in (c for text in meta.key_articles for c in finder.find(text)):
            law = registry.laws.get(cit.law_id) if cit.law_id else None
            for n, _sub in cit.article_numbers() if law else []:
                article = law.article(n) if law else None
                loc = f"{page_url(article.page, use_directory_urls)}#art-{n}" if article else None
                if loc and loc not in articles:
                    articles.append(loc)
        entry: dict = {"kind": kind, "names": [n for n in [meta.title, *meta.aliases] if n]}
        if articles:
            entry["articles"] = articles
        if meta.forms:
            entry["forms"] = [page_url(f, use_directory_urls) for f in meta.forms]
        if meta.keywords:
            entry["desk"] = True  # a reception script: what villagers say is in its keywords
        entries[url] = entry
        words = [*meta.aliases, *meta.keywords, meta.description or "", *meta.topics]
        if any(words):
            keys[url] = " ".join(w for w in words if w)
    return entries, keys


def client_data(
    page_texts: dict[str, str],
    registry: LawRegistry,
    vocab: Vocabulary,
    law_list: list[LawEntry],
    keywords: dict[str, dict[int, list[str]]],
    use_directory_urls: bool = False,
    *,
    metas: dict[str, PageMeta] | None = None,
    finder: CitationFinder | None = None,
    offices: list[dict] | None = None,
    questions: dict[str, dict[int, list[str]]] | None = None,
) -> dict:
    """What lawsearch.js needs besides the index. page_texts: docs-relative path → Markdown;
    metas: every page's front matter; offices: the referral directory's offices as
    {id, location, name, words, matters, outside} (name as the township calls it; words: name, aka
    and what it handles; matters: what it handles; outside: its not_covered matters); questions:
    how villagers ask what an article answers, indexed with its 要点."""
    laws: list[dict] = []
    site_chars: set[str] = set()
    for text in page_texts.values():
        site_chars.update(text)
    for law in registry.laws.values():
        # a law may span several pages (民法典, one per 编)
        laws.append(
            {
                "id": law.id,
                "pages": [page_url(p, use_directory_urls) for p in law.pages],
                "entry": page_url(law.entry_page, use_directory_urls),
                "names": sorted(set(law.aliases), key=lambda n: (-len(n), n)),
            }
        )
    keys = _article_texts(registry, keywords, use_directory_urls)
    examples = _article_lists(registry, [keywords, questions or {}], use_directory_urls)
    # an office's not_covered matters one label (office:<id>), learnt from its lines and their
    # 问法; each law one label too (law:<id>, all its articles' 要点 and 问法), so that an office,
    # learnt from a hundred examples, meets a rival as broad as itself (老公打我: 反家庭暴力法, not
    # 民政办). One label per matter instead: held-out not covered 0.83 → 0.70.
    for office in offices or []:
        if office.get("outside"):
            asks = [a for group in office.get("asks") or [] for a in group]
            examples[OFFICE_LABEL + office["id"]] = outside_examples(office["outside"]) + asks
    for law_id in {**keywords, **(questions or {})}:
        examples[LAW_LABEL + law_id] = [
            w for source in (keywords, questions or {}) for ws in source.get(law_id, {}).values() for w in ws
        ]
    offices = [{k: v for k, v in o.items() if k != "asks"} for o in offices or []]
    pages: dict[str, dict] = {}
    if metas is not None:
        pages, page_keys = page_entries(
            metas, registry, finder or CitationFinder(registry.aliases()), use_directory_urls
        )
        keys.update(page_keys)
    for word in [
        *(w for g in vocab.synonyms for w in g.say + g.law),
        *(w for pair in vocab.dialect.items() for w in pair),
        *keys.values(),
        *(w for o in offices or [] for w in o["words"]),
    ]:
        site_chars.update(word)
    return {
        "synonyms": [g.model_dump() for g in vocab.synonyms],
        "stop": sorted(vocab.stop, key=lambda w: (-len(w), w)),  # longest first: 怎么办 before 怎么
        "pageWords": sorted(vocab.page_words, key=lambda w: (-len(w), w)),
        "dialect": sorted(vocab.dialect.items(), key=lambda kv: (-len(kv[0]), kv[0])),  # longest first
        "notCoveredBelow": vocab.not_covered_below,
        "outsideRatio": vocab.not_covered_outside_ratio or None,
        "pages": pages,
        "offices": offices,
        "refer": [page_url(p, use_directory_urls) for p in REFER_PAGES if metas and p in metas],
        "laws": laws,
        "weights": {k: w for k, w in law_weights(vocab, law_list).items() if k in registry.laws and w != 1},
        "keys": keys,
        # indexed with the articles, not sent to the browser: the site's topics (not covered) and
        # a result's highlight are what the pages show
        "asks": _article_texts(registry, questions or {}, use_directory_urls),
        # what the classifier learns from (macros/search/model.py), not sent to the browser either
        "examples": examples,
        "t2s": traditional_table(site_chars),
    }


def _article_texts(
    registry: LawRegistry, texts: dict[str, dict[int, list[str]]], use_directory_urls: bool
) -> dict[str, str]:
    """article location (law-page url#art-N) → its texts (要点 or 问法) joined."""
    out: dict[str, str] = {}
    for law_id, articles in texts.items():
        for n, words in articles.items():
            article = registry.laws[law_id].article(n)
            assert article is not None  # load_keywords / load_questions checked it
            out[f"{page_url(article.page, use_directory_urls)}#art-{n}"] = " ".join(words)
    return out


_ALSO_SAID = re.compile(r"（([^（）]*)）")


def outside_examples(lines: list[str]) -> list[str]:
    """What the classifier learns an office's not_covered matters from: each line without its
    brackets, and each of the words the brackets give (死猪、发瘟) alone."""
    out = []
    for line in lines:
        out.append(_ALSO_SAID.sub("", line))
        for said in _ALSO_SAID.findall(line):
            out += [w.strip() for w in re.split(r"[、，,]", said) if w.strip()]
    return out


def _article_lists(
    registry: LawRegistry, sources: list[dict[str, dict[int, list[str]]]], use_directory_urls: bool
) -> dict[str, list[str]]:
    """article location → its 要点 and 问法, each on its own."""
    out: dict[str, list[str]] = {}
    for texts in sources:
        for law_id, articles in texts.items():
            for n, words in articles.items():
                article = registry.laws[law_id].article(n)
                assert article is not None  # load_keywords / load_questions checked it
                out.setdefault(f"{page_url(article.page, use_directory_urls)}#art-{n}", []).extend(words)
    return out


def write_client_data(site_dir: Path, data: dict) -> Path:
    """lawsearch-data.js, and the prebuilt index from Material's search_index.json."""
    target = site_dir / CLIENT_DATA
    target.parent.mkdir(parents=True, exist_ok=True)
    # the index the browser would otherwise build on every page load (macros/search/index.py);
    # the script tokenises per UTF-16 unit, so characters beyond the BMP are left as they are
    bmp = {t: s for t, s in data["t2s"].items() if ord(t) < 0x10000}
    data = dict(data)
    asks = data.pop("asks", {})
    data["index"] = write_search_index(site_dir, data["keys"], bmp, asks, data.pop("examples", {}))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    target.write_text(
        f"// 由 macros/search/data.py 在构建时生成，请勿手工修改。\nwindow.__lawSearchData={text};\n", encoding="utf-8"
    )
    return target
