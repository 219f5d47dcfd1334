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
