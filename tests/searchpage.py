"""Driving Material's search box the way a person does: focus, wait until ready, type."""
from __future__ import annotations

SEARCH_INPUT = "input.md-search__input"
RESULT_META = ".md-search-result__meta"
RESULT_LINKS = "li.md-search-result__item a.md-search-result__link"
INITIALISING = "正在初始化搜索引擎"  # Material's zh text while the index loads


def search(page, query: str, timeout: float = 15000) -> None:
    page.click(SEARCH_INPUT)
    page.wait_for_function(
        f"() => {{ const m = document.querySelector('{RESULT_META}');"
        f" return m && m.textContent.trim() !== '' && !m.textContent.includes('{INITIALISING}'); }}",
        timeout=timeout,
    )
    # The whole query arrives as one text input, as an IME commits it; Material reads the box
    # on keyup, which the IME's commit key gives it. Typing digits key by key instead would
    # search every prefix and the results could be read before the last one lands.
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_function(
        f"() => document.querySelectorAll('{RESULT_LINKS}').length > 0"
        f" || document.querySelector('{RESULT_META}').textContent.includes('没有找到')",
        timeout=timeout,
    )


def result_links(page) -> list[str]:
    """Result hrefs in display order (including the collapsed 'more on this page' ones)."""
    return page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.getAttribute('href'))")
