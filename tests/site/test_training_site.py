"""The study path and a training module as rendered: every module in order with its progress
slot, and the generated table of added articles."""

from __future__ import annotations

import re

from macros.content.quiz_model import MODULE_ORDER as MODULES


def test_study_path_orders_every_module_with_a_progress_slot(built_site):
    page = (built_site / "training/index.html").read_text(encoding="utf-8")
    linked = re.findall(r'<a href="([a-z0-9-]+)\.html">', page)
    assert [s for s in linked if s in MODULES] == MODULES
    slots = re.findall(r'<span class="quiz-progress" data-module="([a-z0-9-]+)"></span>', page)
    assert slots == MODULES


def test_module_embeds_the_generated_added_articles_table(built_site):
    page = (built_site / "training/villagers-committee-2025.html").read_text(encoding="utf-8")
    added = re.findall(r'<a href="\.\./laws/villagers-committee\.html#art-(\d+)">第[^<]+条</a></td>', page)
    assert added == ["5", "7", "13", "20", "33", "44", "45", "46"]

