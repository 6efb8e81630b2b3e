"""Loading case files: good ones load; every kind of bad input names the file, line, key and fix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from reinstate.case import load_case
from reinstate.errors import CaseFileError, InputError

MINIMAL = """
version: 1
seller:
  name: Evergreen Home Supply LLC
reasons: [order-defect-rate]
"""


def test_minimal_case_loads(write_case: Callable[[str], Path]) -> None:
    loaded = load_case(write_case(MINIMAL))
    assert loaded.case.seller.name == "Evergreen Home Supply LLC"
    assert loaded.case.reasons == ["order-defect-rate"]
    assert loaded.notice_text is None and loaded.report_paths == ()


def test_only_seller_name_is_required(write_case: Callable[[str], Path]) -> None:
    loaded = load_case(write_case("seller:\n  name: Solo Seller\n"))
    assert loaded.case.version == 1


def test_notice_path_is_read_relative_to_the_case(write_case: Callable[[str], Path], tmp_path: Path) -> None:
    (tmp_path / "notice.txt").write_text("Your order defect rate is above target.", encoding="utf-8")
    loaded = load_case(write_case(MINIMAL + "notice: notice.txt\n"))
    assert loaded.notice_text == "Your order defect rate is above target."


def test_notice_can_be_inline_text(write_case: Callable[[str], Path]) -> None:
    loaded = load_case(write_case(MINIMAL + "notice: |\n  Your order defect rate\n  is above target.\n"))
    assert loaded.notice_text is not None and "defect rate" in loaded.notice_text


def _error(write_case: Callable[[str], Path], text: str) -> CaseFileError:
    with pytest.raises(CaseFileError) as info:
        load_case(write_case(text))
    return info.value


def test_unknown_key_is_named_with_its_line(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, MINIMAL + "root_cause:\n  - text: typo in the key\n")
    assert err.line == 5 and "unknown key 'root_cause'" in str(err)
    assert "case.yaml:5" in str(err) and "Fix:" in str(err)


def test_unknown_nested_key(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, MINIMAL + "actions_taken:\n  - text: Refunded buyers\n    when: 2026-11-18\n")
    assert err.key == "actions_taken[0].when" and err.line == 7


def test_date_that_is_not_a_date(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, MINIMAL + "actions_taken:\n  - text: Refunded buyers\n    date: 18/11/2026\n")
    assert err.key == "actions_taken[0].date" and err.line == 7
    assert "'18/11/2026' is not a date" in str(err) and "YYYY-MM-DD" in str(err)


def test_impossible_calendar_date(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, MINIMAL + "as_of: 2026-02-30\n")
    assert err.key == "as_of" and err.line == 5


def test_number_is_not_a_date(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, MINIMAL + "as_of: 20261120\n")
    assert err.key == "as_of"


def test_unknown_reason_id(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, "seller:\n  name: X\nreasons:\n  - order-defect\n")
    assert err.key == "reasons[0]" and err.line == 4 and "order-defect-rate" in str(err)


def test_empty_root_cause(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, MINIMAL + "root_causes:\n  - text: '   '\n")
    assert err.key == "root_causes[0].text" and err.line == 6 and "empty" in str(err)


def test_root_cause_without_text_or_kb(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, MINIMAL + "root_causes:\n  - evidence: 9 of 12 orders\n")
    assert err.key == "root_causes[0]" and "needs `text`" in str(err)


def test_unknown_kb_cause(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, MINIMAL + "root_causes:\n  - kb: made-up-cause\n")
    assert err.key == "root_causes[0].kb" and err.line == 6


def test_missing_seller_name(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, "version: 1\nseller:\n  marketplace: US\n")
    assert err.key == "seller.name" and "required" in str(err)


def test_bad_marketplace(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, "seller:\n  name: X\n  marketplace: Mars\n")
    assert err.key == "seller.marketplace" and err.line == 3


def test_wrong_version(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, "version: 2\nseller:\n  name: X\n")
    assert err.key == "version" and "version: 1" in str(err)


def test_missing_notice_file(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, MINIMAL + "notice: missing.txt\n")
    assert err.key == "notice" and "does not exist" in str(err)


def test_missing_report_path(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, MINIMAL + "reports: [a.txt]\n")
    assert err.key == "reports[0]"


def test_empty_file(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, "")
    assert "empty" in str(err) and "reinstate init" in str(err)


def test_list_instead_of_mapping(write_case: Callable[[str], Path]) -> None:
    err = _error(write_case, "- a\n- b\n")
    assert "mapping" in str(err)


def test_malformed_yaml_names_the_line(write_case: Callable[[str], Path]) -> None:
    with pytest.raises(InputError) as info:
        load_case(write_case("seller:\n  name: X\n reasons: [a\n"))
    assert info.value.line is not None and "not valid YAML" in str(info.value)


def test_duplicate_key(write_case: Callable[[str], Path]) -> None:
    with pytest.raises(InputError) as info:
        load_case(write_case("seller:\n  name: X\nseller:\n  name: Y\n"))
    assert info.value.line == 3 and "twice" in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_case(tmp_path / "nope.yaml")
    assert "file not found" in str(info.value)


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_case(tmp_path)
    assert "folder" in str(info.value)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(b"PK\x03\x04\x00\x00garbage\x00\x01")
    with pytest.raises(InputError) as info:
        load_case(path)
    assert "binary" in str(info.value)


def test_excel_file_saved_as_yaml(tmp_path: Path) -> None:
    path = tmp_path / "case.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    with pytest.raises(InputError):
        load_case(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "gbk"])
def test_other_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "case.yaml"
    text = "seller:\n  name: 深圳市灯路贸易有限公司\nreasons: [order-defect-rate]\nfacts:\n  - 仓库在国庆期间关闭，所有订单都延迟了发货。\n"
    path.write_bytes(text.encode(encoding))
    loaded = load_case(path)
    assert loaded.case.seller.name == "深圳市灯路贸易有限公司"


def test_dates_are_dates(write_case: Callable[[str], Path]) -> None:
    loaded = load_case(
        write_case(
            MINIMAL + "as_of: '2026-11-20'\nactions_taken:\n  - text: Refunded\n    date: 2026-11-18\n"
        )
    )
    assert loaded.case.as_of == dt.date(2026, 11, 20)
    assert loaded.case.actions_taken[0].date == dt.date(2026, 11, 18)


def test_paths_outside_the_case_folder_are_refused(tmp_path: Path) -> None:
    """Issue 13 item 7: `reports: ../../etc/passwd` echoed the file into a warning."""
    folder = tmp_path / "case"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    for key in ("reports: ../secret.txt", "notice: ../secret.txt", f"reports: [{secret}]"):
        case = folder / "case.yaml"
        case.write_text(f"version: 1\nseller:\n  name: A\n{key}\n", encoding="utf-8")
        with pytest.raises(CaseFileError) as error:
            load_case(case)
        assert "outside the case file's folder" in str(error.value) and "root:x" not in str(error.value)
        assert "--allow-outside" in str(error.value)
    assert load_case(case, allow_outside=True).report_paths == (secret,)
