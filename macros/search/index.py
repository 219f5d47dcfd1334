"""The search index, prebuilt at build time for docs/assets/javascripts/lawsearch.js.

The browser used to tokenise every section of Material's search_index.json on each page load:
fine for ten laws, seconds for a hundred. Here the build does that work once, the same way the
script does (NFKC, traditional → simplified, lower case, character bigrams of Han runs, words of
letters and digits; title ×3, 要点 ×2.5, 问法 ×1.5, text ×1), and writes

- search/lawsearch-index.js: every section's location, title and length, and the number of
  postings shards; loaded before the search is ready, so it holds nothing else;
- search/lawsearch-postings-K.js: the tokens whose hash (shard_of: FNV-1a over UTF-16 code
  units, the same function as lawsearch-tokens.js) modulo the shard count is K, each with its
  posting list (doc, weighted tf) packed into a string the script decodes only when a query
  uses that token; the count is chosen so that a shard holds about POSTINGS_SHARD_BYTES. A
  query loads the shards of its own tokens: whether the site has a token at all, and its
  document frequency, are known from its shard. A shard also holds, for the tokens that the
  articles' 问法 (asks, not shown) add to sections, how many sections hold them without the asks
  (pageDf): what the pages say is what tells a question the site covers from one it does not;
- search/lawsearch-text-N.js: the sections' texts in shards of about SHARD_CHARS characters,
  loaded only for the sections a query shows;
- search/search_index.json without the texts (Material's UI still loads it, for its config; the
  offline plugin then inlines it into search_index.js for file://).

All are scripts loaded with <script> elements, so file:// works without fetch. Rankings are
the same as when the browser built the index itself. Plain Python, no mkdocs import."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from ..core.errors import ContentError

INDEX_FILE = "search/lawsearch-index.js"
TEXT_FILE = "search/lawsearch-text-{}.js"
POSTINGS_FILE = "search/lawsearch-postings-{}.js"
POSTINGS_SHARD_BYTES = 60_000
MATERIAL_INDEX = "search/search_index.json"
SHARD_CHARS = 60_000
# twice lawsearch.js's FIELD_WEIGHT (title 3, keys 2.5, asks 1.5, text 1), so every tf is an integer;
# asks (how villagers ask what an article answers) weigh less than the 要点 and names
FIELD_WEIGHT2 = {"title": 6, "text": 2, "keys": 5, "asks": 3}

# shown after 要点 under each article (search/data.py); for readers, not a word search should count
KEYS_LABEL = "本站概括，以条文为准"
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&[a-z]+;|&#\d+;")
_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ARTICLE = re.compile(r"#art-\d+$")


def strip_tags(html: str) -> str:
    return _ENTITY.sub(" ", _TAG.sub(" ", html)).replace("\u200b", "")


def normalize(s: str, t2s: dict[str, str]) -> str:
    s = unicodedata.normalize("NFKC", s)
    return "".join(t2s.get(c, c) for c in s).lower()


def tokens(s: str) -> list[str]:
    out = []
    for run in _RUN.findall(s):
        if not _HAN.match(run[0]) or len(run) == 1:
            out.append(run)
        else:
            out += [run[i : i + 2] for i in range(len(run) - 1)]
    return out


def shard_of(token: str, shards: int) -> int:
    """The postings shard of a token: 32-bit FNV-1a over its UTF-16 code units, modulo the
    number of shards (lawsearch-tokens.js shardOf computes the same)."""
    h = 0x811C9DC5
    units = token.encode("utf-16-le")
    for i in range(0, len(units), 2):
        h ^= units[i] | units[i + 1] << 8
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % shards


def pack(numbers: list[int]) -> str:
    """Non-negative integers as base-32 digits: leading digits chr(80+d), the last chr(48+d)."""
    out = []
    for v in numbers:
        digits = [v & 31]
        while v > 31:
            v >>= 5
            digits.append(v & 31)
        out += [chr(80 + d) for d in reversed(digits[1:])] + [chr(48 + digits[0])]
    return "".join(out)


def build_index(
    docs: list[dict], keys: dict[str, str], t2s: dict[str, str], asks: dict[str, str] | None = None
) -> dict:
    postings: dict[str, list[int]] = {}  # token -> [doc delta, tf×2, doc delta, tf×2 …]
    asked: dict[str, int] = {}  # token -> sections that hold it only in their asks
    last: dict[str, int] = {}
    lengths = []
    for d, doc in enumerate(docs):
        tf: dict[str, int] = {}
        for field, text in (
            ("title", strip_tags(doc["title"])),
            ("text", strip_tags(doc["text"]).replace(f"（{KEYS_LABEL}）", "")),
            ("keys", keys.get(doc["location"], "")),
            ("asks", (asks or {}).get(doc["location"], "")),
        ):
            toks = tokens(normalize(text, t2s))
            if field == "asks":
                for t in set(toks) - set(tf):
                    asked[t] = asked.get(t, 0) + 1
            for t in toks:
                tf[t] = tf.get(t, 0) + FIELD_WEIGHT2[field]
            if field == "text":
                lengths.append(len(toks))
        for t, w in tf.items():
            postings.setdefault(t, []).extend((d - last.get(t, 0), w))
            last[t] = d
    entries = []
    for doc in docs:
        entry = [doc["location"], doc["title"].replace("\u200b", "")]
        if doc.get("tags"):
            entry.append(doc["tags"])
        entries.append(entry)
    return {
        "docs": entries,
        "lengths": lengths,
        "tokens": list(postings),
        "postings": [pack(p) for p in postings.values()],
        "pageDf": {t: len(postings[t]) // 2 - n for t, n in asked.items()},
    }


def shard_postings(
    tokens: list[str],
    postings: list[str],
    size: int = POSTINGS_SHARD_BYTES,
    page_df: dict[str, int] | None = None,
    vectors: dict[str, list] | None = None,
) -> list[dict]:
    """The posting lists in shards by token hash ({"tokens": [...], "postings": [...]} each, and
    "pageDf": {token: sections without asks} for its tokens that have one, "vectors": {token:
    its classifier vector} (macros/search/model.py)), as many shards as make about `size` bytes
    each (a token's UTF-8 and its packed list, and its vector)."""
    vectors = vectors or {}
    total = sum(len(t.encode("utf-8")) + len(p) + 6 for t, p in zip(tokens, postings, strict=True))
    total += sum(len(t.encode("utf-8")) + len(v[1]) + 12 for t, v in vectors.items())
    count = max(1, -(-total // size))
    shards: list[dict] = [{"tokens": [], "postings": []} for _ in range(count)]
    for t, p in zip(tokens, postings, strict=True):
        shard = shards[shard_of(t, count)]
        shard["tokens"].append(t)
        shard["postings"].append(p)
        if page_df and t in page_df:
            shard.setdefault("pageDf", {})[t] = page_df[t]
    for t, v in vectors.items():
        shards[shard_of(t, count)].setdefault("vectors", {})[t] = v
    return shards


def shard_starts(docs: list[dict], limit: int = SHARD_CHARS) -> list[int]:
    """Index of the first section of each text shard."""
    starts, size = [0], 0
    for d, doc in enumerate(docs):
        if size and size + len(doc["text"]) > limit:
            starts.append(d)
            size = 0
        size += len(doc["text"])
    return starts


def _script(call: str, data) -> str:
    return (
        "// 由 macros/search/index.py 在构建时生成，请勿手工修改。\n"
        f"{call}{json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"
    )


def write_search_index(
    site_dir: Path,
    keys: dict[str, str],
    t2s: dict[str, str],
    asks: dict[str, str] | None = None,
    examples: dict[str, list[str]] | None = None,
) -> str:
    """Prebuild the index from Material's search_index.json and slim that file down; train the
    classifier (macros/search/model.py) on examples (article location → its 问法 and 要点) and
    the articles' text. Returns the index script's path relative to the site, for
    lawsearch-data.js."""
    material = site_dir / MATERIAL_INDEX
    if not material.exists():
        raise ContentError(
            material, "没有找到 Material 的搜索索引：mkdocs.yml 的 plugins 里需要 search，且要排在 macros 之前"
        )
    raw = json.loads(material.read_text(encoding="utf-8"))
    docs = raw["docs"]
    index = build_index(docs, keys, t2s, asks)
    index["shards"] = starts = shard_starts(docs)
    page_df = index.pop("pageDf")
    from .model import EOS, LAW_LABEL, OFFICE_LABEL, train, training_lines  # model.py tokenises with this module

    at = {d["location"]: i for i, d in enumerate(docs)}
    articles = {d["location"]: strip_tags(d["text"]) for d in docs if _ARTICLE.search(d["location"])}
    # an article's label is its section; an office's (office:<id>) and a law's (law:<id>) stay as they are
    examples = {
        loc: texts for loc, texts in (examples or {}).items() if loc in at or loc.startswith((OFFICE_LABEL, LAW_LABEL))
    }
    model = train(training_lines(examples, articles, t2s))
    vectors = None
    rows: dict[int, list] = {}  # an article's output row, in the text shard of its section
    if model:
        broad = [(loc, row) for loc, row in zip(model["labels"], model["out"], strict=True) if loc not in at]
        rows = {at[loc]: row for loc, row in zip(model["labels"], model["out"], strict=True) if loc in at}
        # offices and laws in the index (every question weighs them); articles with their texts,
        # loaded for the articles a question finds (10× the law text: 28 000 rows, 1.7 MiB)
        index["model"] = {"labels": [loc for loc, _ in broad], "out": [row for _, row in broad], "eos": EOS}
        vectors = model["vectors"]
    postings = shard_postings(index.pop("tokens"), index.pop("postings"), page_df=page_df, vectors=vectors)
    index["postingShards"] = len(postings)
    for k, shard in enumerate(postings):
        (site_dir / POSTINGS_FILE.format(k)).write_text(
            _script(f"window.__lawSearchPostings({k},", shard), encoding="utf-8"
        )
    (site_dir / INDEX_FILE).write_text(_script("window.__lawSearchIndex=(", index), encoding="utf-8")
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(docs)
        texts = [doc["text"].replace("\u200b", "") for doc in docs[start:end]]
        shard_rows = {d - start: rows[d] for d in range(start, end) if d in rows}
        (site_dir / TEXT_FILE.format(k)).write_text(
            _script(f"window.__lawSearchText({k},{json.dumps(shard_rows, separators=(',', ':'))},", texts),
            encoding="utf-8",
        )
    # Material's UI needs only the config (and hands the docs to our search, which has them)
    material.write_text(json.dumps({"config": raw["config"], "docs": []}, ensure_ascii=False), encoding="utf-8")
    return INDEX_FILE
