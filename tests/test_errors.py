"""The one error type renders one line: where, which key, what is wrong, and the fix; in Chinese too."""

from __future__ import annotations

from reinstate.errors import InputError


def test_english_line_names_file_line_key_and_fix() -> None:
    error = InputError("is not a date.", path="case.yaml", line=7, key="as_of", fix="write YYYY-MM-DD.")
    assert str(error) == "case.yaml:7: as_of: is not a date. Fix: write YYYY-MM-DD."
    assert error.render("zh") == str(error)  # no Chinese text given: the English line


def test_chinese_line_when_the_error_has_one() -> None:
    error = InputError(
        "the file is empty.", path="orders.txt", fix="download it again.",
        message_zh="文件是空的。", fix_zh="请重新下载。",
    )  # fmt: skip
    assert error.render("zh") == "orders.txt：文件是空的。 解决办法：请重新下载。"
    assert str(error) == "orders.txt: the file is empty. Fix: download it again."


def test_chinese_line_falls_back_to_the_english_fix() -> None:
    error = InputError("bad.", line=3, path="a.txt", fix="do this.", message_zh="有问题。")
    assert error.render("zh") == "a.txt:3：有问题。 解决办法：do this."


def test_yaml_alias_bombs_and_complex_keys_are_clear_errors() -> None:
    """Issue 13 items 11 and 16: an alias bomb expanded to 2 GB; `? [a, b]` gave a TypeError."""
    import pytest

    from reinstate.errors import InputError
    from reinstate.yamlio import load_located

    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    with pytest.raises(InputError) as error:
        load_located(bomb, path="bomb.yaml")
    assert "too many items" in str(error.value) and "aliases" in str(error.value)
    with pytest.raises(InputError) as complex_key:
        load_located("? [a, b]\n: 1\n", path="case.yaml")
    assert "plain text" in str(complex_key.value) and "case.yaml:1" in str(complex_key.value)
    deep = "a: " + "[" * 60 + "]" * 60 + "\n"
    with pytest.raises(InputError):
        load_located(deep, path="deep.yaml")


def test_text_in_every_encoding_a_seller_saves() -> None:
    """Issue 13 item 16: UTF-16 without a BOM was refused as binary; short text was mis-decoded."""
    import pytest

    from reinstate.errors import InputError
    from reinstate.yamlio import decode_text

    cases = {
        "Hello seller, your account".encode("utf-16-le"): "Hello seller, your account",
        "Hi 你好 there".encode("utf-16-be"): "Hi 你好 there",
        "Café “seller” – €".encode("cp1252"): "Café “seller” – €",
        "通知".encode("gbk"): "通知",  # valid UTF-8 by chance: two combining marks
        "仓库放假".encode("gbk"): "仓库放假",
        "Привет, продавец".encode(): "Привет, продавец",
        "e\u0301 accent".encode(): "e\u0301 accent",  # decomposed accents stay UTF-8
    }
    for raw, expected in cases.items():
        assert decode_text(raw, source="x.txt") == expected, raw
    with pytest.raises(InputError):
        decode_text(bytes(range(256)) * 4, source="x.bin")
