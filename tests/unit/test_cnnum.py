import pytest

from macros.core.cnnum import cn_to_int, int_to_cn


@pytest.mark.parametrize(
    "text,value",
    [
        ("一", 1),
        ("十", 10),
        ("十九", 19),
        ("二十", 20),
        ("六十二", 62),
        ("一百", 100),
        ("一百零一", 101),
        ("一百一十", 110),
        ("二百零八", 208),
        ("一千二百六十", 1260),
        ("一千零一", 1001),
        ("62", 62),
    ],
)
def test_statute_numerals(text, value):
    assert cn_to_int(text) == value
    if not text.isdigit():
        assert int_to_cn(value) == text


def test_round_trip_covers_every_article_number_in_use():
    for n in range(1, 1300):
        assert cn_to_int(int_to_cn(n)) == n


@pytest.mark.parametrize("bad", ["", "六六", "第六", "十x"])
def test_malformed_numbers_are_rejected_not_guessed(bad):
    with pytest.raises(ValueError):
        cn_to_int(bad)
