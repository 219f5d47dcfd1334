from macros.laws.augment import augment_law_markdown

PAGE = """# 法

## 第一章 总则 {#chapter-1}

### 第一条 {#art-1}

甲。

### 第二条 {#art-2}

乙。

## 第二章 {#chapter-2}
"""


def test_blocks_go_under_their_article_before_the_next_heading():
    out = augment_law_markdown(PAGE, "x", [lambda law, a: [f"[{law}:{a}]"]])
    assert "甲。\n\n[x:art-1]\n\n### 第二条" in out
    assert "乙。\n\n[x:art-2]\n\n## 第二章" in out
    assert out.count("[x:") == 2


def test_no_blocks_leaves_page_unchanged():
    assert augment_law_markdown(PAGE, "x", [lambda law, a: []]) == PAGE
