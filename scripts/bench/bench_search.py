"""Search benchmark: types reception questions into the real search box of the built site in
headless chromium and scores the results in display order.

    python -m scripts.bench.bench_search                  # build the site, run every question file
    python -m scripts.bench.bench_search --site /tmp/site # use a site built already
    python -m scripts.bench.bench_search scripts/bench/questions/dev.yaml

A question file is a YAML list of {q: 问题, expect: [[law key, article number], ...]}; a result
is a hit when any expected article is among the first k article results. Law keys map to law
pages through scripts/bench/law_keys.yaml; questions about laws the site does not hold
yet are reported as skipped. Prints hit@1/3/5, MRR, p50/p95 ms from the key that submits the
query to the rendered results, the time until the index is ready, and the index size."""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import yaml

from tests.harness.browser import CHROMIUM, CHROMIUM_ARGS, INITIALISING, RESULT_LINKS, RESULT_META, SEARCH_INPUT, serve
from tests.harness.project import ROOT, build_site

DATA = ROOT / "scripts" / "bench"
QUESTION_DIR = DATA / "questions"
_ARTICLE_HREF = re.compile(
    r"laws/([^/]+?)(?:/[^/]+)?\.html$"
)  # laws/x.html, or a part page laws/civil-code/property.html

# Records, inside the page, when the query is submitted (the End key, as an IME commit gives
# Material its keyup) and when the result list next shows results or "no results".
_HARNESS = """() => {
  const input = document.querySelector('%(input)s');
  const meta = document.querySelector('%(meta)s');
  const list = document.querySelector('.md-search-result__list');
  const b = window.__bench = {t0: 0, t1: 0};
  input.addEventListener('keydown', e => { if (e.key === 'End') { b.t0 = performance.now(); b.t1 = 0; } });
  const done = () => {
    if (b.t0 && !b.t1 && (list.children.length > 0 || meta.textContent.includes('没有找到')))
      b.t1 = performance.now();
  };
  new MutationObserver(done).observe(meta.parentElement, {childList: true, subtree: true, characterData: true});
}""" % {"input": SEARCH_INPUT, "meta": RESULT_META}  # noqa: UP031 - the script is full of braces


def load_questions(path: Path, law_keys: dict[str, str]):
    """(question, set of (law id, article)) pairs, and the questions skipped for unknown laws."""
    items, skipped = [], []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        expect = {(law_keys.get(k), int(n)) for k, n in entry["expect"]}
        if any(law is None for law, _ in expect):
            skipped.append(entry["q"])
        else:
            items.append((entry["q"], expect))
    return items, skipped


def article_of(href: str) -> tuple[str, int] | None:
    url = urlparse(href)
    m = _ARTICLE_HREF.search(url.path)
    if m and url.fragment.startswith("art-"):
        return m.group(1), int(url.fragment[4:].split("-")[0])
    return None


def ranked_articles(hrefs: list[str]) -> list[tuple[str, int]]:
    seen: list[tuple[str, int]] = []
    for h in hrefs:
        art = article_of(h)
        if art and art not in seen:
            seen.append(art)
    return seen


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def run_file(page, questions, verbose: bool):
    ranks, times = [], []
    for q, expect in questions:
        page.fill(SEARCH_INPUT, "")
        page.keyboard.press("End")
        page.wait_for_function(f"() => document.querySelectorAll('{RESULT_LINKS}').length === 0")
        page.keyboard.insert_text(q)  # one input, as an IME commits it
        page.keyboard.press("End")
        page.wait_for_function("() => window.__bench.t1 > 0", timeout=15000)
        times.append(page.evaluate("() => window.__bench.t1 - window.__bench.t0"))
        arts = ranked_articles(page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.getAttribute('href'))"))
        rank = next((i + 1 for i, a in enumerate(arts) if a in expect), None)
        ranks.append(rank)
        if verbose:
            mark = "✓" if rank == 1 else (f"@{rank}" if rank else "✗")
            top = ", ".join(f"{law}#{n}" for law, n in arts[:3])
            print(f"  {mark:>3} {q}  →  {top}")
    return ranks, times


def report(name: str, ranks, times, skipped):
    n = len(ranks)
    hit = lambda k: sum(1 for r in ranks if r and r <= k) / n  # noqa: E731
    mrr = sum(1 / r for r in ranks if r) / n
    print(f"{name}: {n} questions" + (f" ({len(skipped)} skipped: law not on the site)" if skipped else ""))
    print(
        f"  hit@1 {hit(1):.2f}  hit@3 {hit(3):.2f}  hit@5 {hit(5):.2f}  MRR {mrr:.2f}"
        f"  |  typing→results p50 {statistics.median(times):.0f} ms, p95 {percentile(times, 95):.0f} ms"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "files", nargs="*", type=Path, help="question files (default: all in scripts/data/search_questions)"
    )
    ap.add_argument("--site", type=Path, help="a built site directory (default: build one now)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each question and its top results")
    args = ap.parse_args(argv)

    law_keys = yaml.safe_load((DATA / "law_keys.yaml").read_text(encoding="utf-8"))
    files = args.files or sorted(QUESTION_DIR.glob("*.yaml"))
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            result = build_site(ROOT, site)
            if result.returncode != 0:
                print(result.stdout, result.stderr, file=sys.stderr)
                return 1
        index = site / "search" / "search_index.json"
        extra = sorted((site / "assets" / "javascripts").glob("lawsearch*.js"))
        prebuilt = site / "search" / "lawsearch-index.js"  # macros/searchindex.py
        shards = list((site / "search").glob("lawsearch-text-*.js"))
        print(
            f"search index: {index.stat().st_size / 1024:.0f} KiB"
            + "".join(f" + {p.name} {p.stat().st_size / 1024:.0f} KiB" for p in extra)
            + (f" + {prebuilt.name} {prebuilt.stat().st_size / 1024:.0f} KiB" if prebuilt.exists() else "")
            + (f" + {len(shards)} text shards {sum(p.stat().st_size for p in shards) / 1024:.0f} KiB" if shards else "")
        )

        with serve(site) as base:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                page = browser.new_context(locale="zh-CN").new_page()
                page.goto(f"{base}/index.html")
                page.click(SEARCH_INPUT)
                ready = page.wait_for_function(
                    f"() => {{ const m = document.querySelector('{RESULT_META}');"
                    f" return m && m.textContent.trim() !== '' && !m.textContent.includes('{INITIALISING}')"
                    f" && performance.now(); }}",
                    timeout=30000,
                ).json_value()
                print(f"index ready {ready:.0f} ms after navigation start")
                page.evaluate(_HARNESS)
                for path in files:
                    questions, skipped = load_questions(path, law_keys)
                    if not questions:
                        print(f"{path.name}: all {len(skipped)} questions skipped (laws not on the site)")
                        continue
                    ranks, times = run_file(page, questions, args.verbose)
                    report(path.name, ranks, times, skipped)
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
