"""One page of every kind the site has, for the whole-site browser checks (no outside
requests, accessibility). Paths are relative to the built site."""

from __future__ import annotations

PAGES = {
    "首页": "index.html",
    "法律": "laws/land-management.html",
    "民法典分编": "laws/civil-code/property.html",
    "民法典目录": "laws/civil-code/index.html",
    "修改决定": "laws/villagers-committee-amendment-2025.html",
    "条文对照表": "laws/villagers-committee-renumbering.html",
    "接待话术": "reception/homestead-application.html",
    "接待速查": "reception/lookup.html",
    "转办目录": "reception/directory.html",
    "公文模板": "templates/notice.html",
    "表格": "templates/forms/visit-register.html",
    "培训模块": "training/land-management-law.html",
    "练习": "training/quizzes/land-management-law.html",
    "考试": "training/quizzes/exam.html",
    "错题本": "training/quizzes/mistakes.html",
    "打印试卷": "training/quizzes/print/land-management-law-paper.html",
    "索引首页": "indexes/index.html",
    "引用索引": "indexes/citations.html",
    "主题索引": "indexes/topics.html",
    "术语表": "indexes/glossary.html",
    "编辑：未收录法律": "editors/unresolved.html",
}
