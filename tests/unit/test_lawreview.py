"""A re-import that changes an article tells editors which content to re-read, and `make check`
keeps listing it until an editor marks it reviewed."""

from __future__ import annotations

import yaml

from macros.cli import check
from macros.cli.lawimport import main as lawimport
from macros.core.paths import ProjectPaths
from macros.laws.lawpage import Article
from macros.laws.review import diff_articles

from ..harness.project import make_project


def test_diff_finds_added_changed_and_removed_articles():
    old = [Article("第一条", "art-1", "甲"), Article("第二条", "art-2", "乙"), Article("第三条", "art-3", "丙")]
    new = [("art-1", "第一条", "甲 "), ("art-2", "第二条", "乙改"), ("art-4", "第四条", "丁")]
    assert [(c.anchor, c.change) for c in diff_articles(old, new)] == [
        ("art-2", "修改"),
        ("art-4", "新增"),
        ("art-3", "删除"),
    ]


def test_reimport_reports_changed_article_and_the_pages_citing_it(tmp_path, capsys):
    project = make_project(tmp_path / "proj")
    law_page = project / "docs/laws/land-management.md"
    # the page holds an older wording of article 62; the database has the current one
    law_page.write_text(
        law_page.read_text(encoding="utf-8").replace(
            "农村村民一户只能拥有一处宅基地", "农村村民一户可以拥有两处宅基地"
        ),
        encoding="utf-8",
    )
    review = tmp_path / "law_review.yaml"

    assert lawimport(["--project", str(project), "--review-file", str(review), "land-management"]) == 0
    out = capsys.readouterr().out
    assert "条文有变动（1 条）" in out
    line = next(ln for ln in out.splitlines() if "第六十二条（修改）" in ln)
    assert "申请宅基地（docs/reception/homestead-application.md）" in line
    assert "docs/templates/request.md" in line and "docs/training/land-management-law.md" in line
    assert "农村村民一户只能拥有一处宅基地" in law_page.read_text(encoding="utf-8")  # page updated

    entries = yaml.safe_load(review.read_text(encoding="utf-8"))["changes"]
    assert [(e["law"], e["anchor"], e["change"], e["reviewed"]) for e in entries] == [
        ("land-management", "art-62", "修改", False)
    ]

    problems, _ = check.run(ProjectPaths.at(project), project / "mkdocs.yml", review)
    pending = [p for p in problems if "第六十二条已修改" in p]
    assert len(pending) == 1 and "docs/reception/homestead-application.md" in pending[0]

    review.write_text(review.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    problems, _ = check.run(ProjectPaths.at(project), project / "mkdocs.yml", review)
    assert problems == []


def test_reimport_without_changes_reports_nothing(tmp_path, capsys):
    project = make_project(tmp_path / "proj")
    review = tmp_path / "law_review.yaml"
    assert lawimport(["--project", str(project), "--review-file", str(review), "land-management"]) == 0
    assert "条文有变动" not in capsys.readouterr().out
    assert not review.exists()


def test_a_newer_source_file_goes_through_the_same_review(tmp_path, capsys):
    """信访工作条例 comes from a LawRefBook file: a re-import from a newer file (here: one with
    article 35 changed) lists the pages citing the changed article and queues them for review,
    and the quotations of the old wording no longer pass."""
    project = make_project(tmp_path / "proj")
    old = project / "sources/lawrefbook/信访工作条例(2022-02-25).md"
    newer = project / "sources/lawrefbook/信访工作条例(2030-01-01).md"
    newer.write_text(
        old.read_text(encoding="utf-8").replace("可以自收到书面答复之日起30日内", "可以自收到书面答复之日起20日内", 1),
        encoding="utf-8",
    )
    laws = project / "data/laws.yaml"
    laws.write_text(
        laws.read_text(encoding="utf-8").replace(
            "file: sources/lawrefbook/信访工作条例(2022-02-25).md",
            "file: sources/lawrefbook/信访工作条例(2030-01-01).md",
        ),
        encoding="utf-8",
    )
    review = tmp_path / "law_review.yaml"
    assert lawimport(["--project", str(project), "--review-file", str(review), "petition-work-regulations"]) == 0
    out = capsys.readouterr().out
    assert "条文有变动（1 条）" in out
    line = next(ln for ln in out.splitlines() if "信访工作条例第三十五条（修改）" in ln)
    assert "docs/reception/remedies.md" in line
    entries = yaml.safe_load(review.read_text(encoding="utf-8"))["changes"]
    assert [(e["law"], e["anchor"], e["change"]) for e in entries] == [("petition-work-regulations", "art-35", "修改")]

    problems, _ = check.run(ProjectPaths.at(project), project / "mkdocs.yml", review)
    assert any("信访工作条例第三十五条已修改" in p for p in problems)
    assert any("remedies.yaml" in p and "不在信访工作条例第三十五条的条文中" in p for p in problems)
