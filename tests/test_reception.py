"""Reception scripts, the referral directory and the 接待速查 page: the real site and small
fixture sites built with a bad referral id."""
from __future__ import annotations

import html
import re
import shutil
import textwrap
from urllib.parse import urlparse

import pytest

from macros.errors import ContentError
from macros.pagemeta import load_page_meta
from macros.reception import reception_scripts
from macros.referrals import load_referrals, local_settings, referral_list

from macros.citations import CitationFinder
from macros.lawregistry import build_registry
from .conftest import ROOT, build_site
from .searchpage import result_links, search

DOCS = ROOT / "docs"
REGISTRY = build_registry(DOCS)
FINDER = CitationFinder(REGISTRY.aliases())
SECTIONS = ["怎样识别", "接待要点", "可以这样说", "不要这样说", "法律依据", "材料和表格", "转办去向", "时限", "常见错误"]
SCRIPTS = reception_scripts(DOCS)
OFFICES = load_referrals()
SITUATIONS = {  # issue 4: every situation has its script
    "homestead-application", "homestead-boundary", "contract-land-taken-back", "women-land-rights",
    "land-transfer-dispute", "land-requisition", "illegal-building-farmland", "land-ownership-dispute",
    "contract-dispute-arbitration", "village-election", "village-affairs-finance", "village-rules",
    "petition-registration", "agitated-visitors",
}
SITUATIONS |= {  # issue 12: family and neighbour situations
    "family-support", "inheritance", "collective-membership", "domestic-violence", "neighbour-injury",
}


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def html_of(site, rel: str) -> str:
    return (site / rel.replace(".md", ".html")).read_text(encoding="utf-8")


def test_every_listed_situation_has_a_script():
    assert {s.path.removeprefix("reception/").removesuffix(".md") for s in SCRIPTS} >= SITUATIONS
    assert len(SCRIPTS) >= 14


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.path for s in SCRIPTS])
def test_script_has_every_section_in_order(script, built_site):
    page = html_of(built_site, script.path)
    h2 = [text_of(h).strip().rstrip("¶").strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page, re.S)]
    assert h2 == SECTIONS, script.path


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.path for s in SCRIPTS])
def test_script_cites_at_least_two_articles_and_all_of_them_link(script, built_site):
    page = html_of(built_site, script.path)
    hrefs = set(re.findall(r'<a class="law-cite" href="([^"]+)"', page))
    assert len(hrefs) >= 2, script.path
    here = (built_site / script.path).with_suffix(".html").parent
    for href in hrefs:
        target, anchor = href.split("#")
        assert f'id="{anchor}"' in (here / target).read_text(encoding="utf-8"), href
    for cited in script.meta.key_articles:  # the 速查 page's articles are real citations too
        (found,) = FINDER.find(cited)
        if found.law_id is None:
            assert found.law_name == "信访工作条例", cited   # a rule with no full text here
        else:
            law = REGISTRY.laws[found.law_id]
            assert all(law.article(n, sub) for n, sub in found.article_numbers()), cited


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.path for s in SCRIPTS])
def test_script_refers_to_offices_in_the_directory_and_shows_them(script, built_site):
    assert script.meta.referrals and set(script.meta.referrals) <= set(OFFICES)
    section = re.split(r"<h2[^>]*>转办去向", html_of(built_site, script.path), maxsplit=1)[1].split("<h2", 1)[0]
    shown = text_of(section)
    for ref in script.meta.referrals:
        assert OFFICES[ref].name.removeprefix("镇") in shown
    assert "电话" in shown


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.path for s in SCRIPTS])
def test_script_forms_exist_and_are_linked(script, built_site):
    page = html_of(built_site, script.path)
    for form in script.meta.forms:
        assert (DOCS / form).is_file()
        assert f'href="../{form.replace(".md", ".html")}"' in page, (script.path, form)


def test_quick_lookup_has_a_row_for_every_script(built_site):
    page = html_of(built_site, "reception/lookup.md")
    rows = [r for r in re.findall(r"<tr>(.*?)</tr>", page, re.S) if "<td" in r]   # header rows left out
    assert len(rows) == len(SCRIPTS)
    # grouped as in the section's navigation
    assert re.findall(r'<h2 id="[^"]*">([^<]*)', page) == ["土地和宅基地", "土地承包", "村民自治", "婚姻家庭和邻里", "来信来访"]
    for script in SCRIPTS:
        row = next(r for r in rows if f'href="{script.path.removeprefix("reception/").replace(".md", ".html")}"' in r)
        text = text_of(row)
        assert all(k in text for k in script.meta.keywords)
        assert all(a in text for a in script.meta.key_articles)
        for form in script.meta.forms:
            assert f'href="../{form.replace(".md", ".html")}"' in row


def test_directory_page_lists_every_office(built_site):
    text = text_of(html_of(built_site, "reception/directory.md"))
    for office in OFFICES.values():
        assert office.name.removeprefix("镇") in text and office.handles[0] in text


def test_general_page_checks_petition_time_limits(built_site):
    text = text_of(html_of(built_site, "reception/general.md"))
    for words in ("首问负责", "六不让", "《信访工作条例》第二十三条", "60 日内", "不超过 30 日", "不超过 5 人"):
        assert words in text


def test_local_settings_name_the_township_and_phones():
    local = local_settings({"township": {"name": "青山镇"}, "referral_phones": {"justice": "0123-4567890"}}, OFFICES)
    md = referral_list(["justice", "court"], OFFICES, local, "docs/reception/x.md")
    assert "**青山镇司法所**（电话：0123-4567890）" in md
    assert "**县人民法院（人民法庭）**（电话：未填写）" in md


def test_unknown_phone_id_names_mkdocs_yml():
    with pytest.raises(ContentError) as e:
        local_settings({"referral_phones": {"guotusuo": "1"}}, OFFICES)
    assert str(e.value).startswith("mkdocs.yml：extra.referral_phones 里的“guotusuo”不是转办目录")


def test_bad_directory_entry_names_file_and_entry(tmp_path):
    bad = tmp_path / "referrals.yaml"
    bad.write_text("offices:\n  - id: Justice\n    name: 司法所\n    handles: []\n", encoding="utf-8")
    with pytest.raises(ContentError) as e:
        load_referrals(bad)
    assert "第 1 项（司法所）" in str(e.value) and "字段 id" in str(e.value) and "字段 handles" in str(e.value)


def test_unknown_referral_id_fails_the_build(tmp_path):
    """A fixture site whose one script names an office the directory does not have."""
    project = tmp_path / "proj"
    (project / "docs/reception").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").symlink_to(ROOT / "macros")
    (project / "docs/index.md").write_text("# 首页\n", encoding="utf-8")
    (project / "docs/reception/x.md").write_text(textwrap.dedent("""\
        ---
        title: 测试
        keywords: [争地基]
        referrals: [village, guotusuo]
        ---

        # 测试

        {{ referral_list() }}
        """), encoding="utf-8")
    cfg = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(cfg.replace("  - offline\n", ""), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "docs/reception/x.md：页首 referrals 里的转办去向“guotusuo”不在转办目录（macros/data/referrals.yaml）中" in log


def test_front_matter_keys_are_typed(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("---\nkeywords: 争地基\n---\n", encoding="utf-8")
    with pytest.raises(ContentError, match="字段 keywords：应为列表"):
        load_page_meta(page)


@pytest.mark.parametrize("query, script", [
    ("女儿出嫁 承包地", "reception/women-land-rights.html"),
    ("争地基", "reception/homestead-boundary.html"),
    ("选民名单", "reception/village-election.html"),
    ("老公打我", "reception/domestic-violence.html"),
    ("邻居狗咬了我", "reception/neighbour-injury.html"),
    ("儿子不养老", "reception/family-support.html"),
])
def test_search_for_what_villagers_say_finds_the_script(page, site_url, query, script):
    page.goto(f"{site_url}/index.html")
    search(page, query)
    hrefs = result_links(page)
    assert any(urlparse(h).path.endswith(script) for h in hrefs), hrefs
