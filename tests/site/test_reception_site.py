"""Reception scripts, the referral directory and the 接待速查 page in the built site, and a small
scenario site with a bad referral id."""
from __future__ import annotations

import html
import re

import pytest

from macros.content.reception import reception_scripts

from ..harness.project import ROOT, build_site, make_project, real_site

DOCS = ROOT / "docs"
SITE = real_site()
REGISTRY, FINDER = SITE.registry, SITE.finder
SECTIONS = ["怎样识别", "接待要点", "可以这样说", "不要这样说", "法律依据", "材料和表格", "转办去向", "时限", "常见错误"]
SCRIPTS = reception_scripts(SITE.metas())
OFFICES = SITE.offices


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def html_of(site, rel: str) -> str:
    return (site / rel.replace(".md", ".html")).read_text(encoding="utf-8")


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
        assert office.name.removeprefix("镇") in text and office.matters[0] in text
        assert all(m in text for m in office.not_covered)


def test_general_page_checks_petition_time_limits(built_site):
    text = text_of(html_of(built_site, "reception/general.md"))
    for words in ("首问负责", "六不让", "《信访工作条例》第二十三条", "60 日内", "不超过 30 日", "不超过 5 人"):
        assert words in text


def test_unknown_referral_id_fails_the_build(tmp_path):
    """A scenario site whose one script names an office the directory does not have."""
    project = make_project(tmp_path / "proj", docs=["assets"], scenario="bad-referral")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "docs/reception/x.md 第 4 行：页首 referrals 里的转办去向“guotusuo”不在转办目录（data/referrals.yaml）中" in log


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.path for s in SCRIPTS])
def test_script_links_its_rows_of_the_remedies_page(script, built_site):
    """Issue 12: each script links the remedies and time limits that apply (救济途径与时限)."""
    page = html_of(built_site, script.path)
    remedies = html_of(built_site, "reception/remedies.md")
    anchors = re.findall(r'href="remedies\.html#([\w-]+)"', page)
    assert anchors, f"{script.path} 没有链接救济途径与时限"
    for anchor in anchors:
        assert f'id="{anchor}"' in remedies, (script.path, anchor)


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.path for s in SCRIPTS])
def test_script_says_first_what_the_township_itself_may_or_must_do(script, built_site):
    """Issue 12: 接待要点 opens with the 乡镇人民政府's own powers, on an article, before any referral."""
    section = re.split(r"<h2[^>]*>接待要点", html_of(built_site, script.path), maxsplit=1)[1].split("<h2", 1)[0]
    first = first_item(section)
    opening = text_of(first)
    cites = "law-cite" in first or re.search(r"《[^》]+》第[^条]+条", opening)   # a rule not yet carried: not linked
    assert "镇" in opening and cites, f"{script.path} 接待要点第一项：{opening[:80]}"


def first_item(section: str) -> str:
    """The first top-level list item of a section (nested lists included), else its first paragraph."""
    start = section.find("<li")
    if start == -1:
        return re.search(r"<p>(.*?)</p>", section, re.S).group(1)
    depth, pos = 0, start
    for m in re.finditer(r"<(/?)li\b", section[start:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return section[start:start + m.end()]
        pos = m.end()
    return section[start:]


def test_the_reception_contents_page_lists_every_script(built_site):
    page = html_of(built_site, "reception/index.md")
    for script in SCRIPTS:
        assert f'href="{script.path.removeprefix("reception/").replace(".md", ".html")}"' in page, script.path
    assert 'href="remedies.html"' in page
