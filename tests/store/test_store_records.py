"""Reports, drafts, submissions, replies and the export of a whole case."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from reinstate.store import AlreadyExists, Case, InvalidInput, NotFound, Store, User, open_store

ORDERS = b"order-id\tpurchase-date\n111-1234567-1234567\t2026-10-01\n"


@pytest.fixture
def case(store: Store, alice: User) -> Case:
    return store.create_case(alice, "Late shipments", "Acme", reasons=["late-shipment-rate"])


def test_add_report_keeps_the_file_and_its_fingerprint(store: Store, alice: User, case: Case) -> None:
    report = store.add_report(alice, case.id, "orders.txt", "orders", ORDERS, {"rows": 1})
    assert report.size == len(ORDERS) == 54
    assert report.sha256 == hashlib.sha256(ORDERS).hexdigest()
    assert json.loads(report.analysis_json or "") == {"rows": 1}
    fetched = store.get_report(alice, case.id, report.id)
    assert fetched.content == ORDERS
    assert (fetched.filename, fetched.kind) == ("orders.txt", "orders")


def test_listing_reports_does_not_load_their_content(store: Store, alice: User, case: Case) -> None:
    store.add_report(alice, case.id, "orders.txt", "orders", ORDERS)
    listed = store.list_reports(alice, case.id)
    assert [r.filename for r in listed] == ["orders.txt"]
    assert "content" not in listed[0].__dict__


def test_the_same_file_twice_in_a_case_is_refused(store: Store, alice: User, case: Case) -> None:
    store.add_report(alice, case.id, "orders.txt", "orders", ORDERS)
    with pytest.raises(
        AlreadyExists, match=r"^copy\.txt: this file is already in the case, as orders\.txt\."
    ):
        store.add_report(alice, case.id, "copy.txt", "orders", ORDERS)
    other = store.create_case(alice, "Another case", "Acme")
    assert store.add_report(alice, other.id, "orders.txt", "orders", ORDERS).size == 54
    assert len(store.list_reports(alice, case.id)) == 1


def test_report_size_limit_comes_from_the_constructor(db_url: str, alice: User) -> None:
    small = open_store(db_url, max_report_bytes=100)
    small_case = small.create_case(alice, "Small limits", "Acme")
    assert small.add_report(alice, small_case.id, "ok.txt", "orders", b"x" * 100).size == 100
    with pytest.raises(InvalidInput, match=r"^big\.txt: the file is 101 bytes; the limit is 100 bytes\."):
        small.add_report(alice, small_case.id, "big.txt", "orders", b"x" * 101)
    small.close()


def test_default_report_limit_is_50_megabytes(store: Store, alice: User, case: Case) -> None:
    assert store.max_report_bytes == 50 * 1024 * 1024
    with pytest.raises(InvalidInput, match=r"^huge\.txt: the file is 50\.0 MB; the limit is 50\.0 MB\."):
        store.add_report(alice, case.id, "huge.txt", "orders", b"\0" * (50 * 1024 * 1024 + 1))
    assert store.list_reports(alice, case.id) == []


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("empty.txt", b"", r"^empty\.txt: the file is empty\."),
        ("orders.txt", "text, not bytes", r"^orders\.txt: content: the upload is not a file"),
        ("", ORDERS, "filename is empty"),
        ("..", ORDERS, "not usable"),
    ],
)
def test_bad_uploads_are_refused(
    store: Store, alice: User, case: Case, filename: str, content: object, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        store.add_report(alice, case.id, filename, "orders", content)  # type: ignore[arg-type]


def test_upload_names_lose_their_folders(store: Store, alice: User, case: Case) -> None:
    assert (
        store.add_report(alice, case.id, "C:\\Users\\me\\orders.txt", "orders", b"a").filename == "orders.txt"
    )
    assert store.add_report(alice, case.id, "../../etc/passwd", "orders", b"b").filename == "passwd"


def test_analysis_must_be_json_and_can_be_set_later(store: Store, alice: User, case: Case) -> None:
    with pytest.raises(InvalidInput, match="analysis_json is not valid JSON"):
        store.add_report(alice, case.id, "orders.txt", "orders", ORDERS, "{not json")
    report = store.add_report(alice, case.id, "orders.txt", "orders", ORDERS)
    assert report.analysis_json is None
    store.set_report_analysis(alice, case.id, report.id, '{"late_shipment_rate": 0.052}')
    assert store.list_reports(alice, case.id)[0].analysis_json == '{"late_shipment_rate": 0.052}'


def test_delete_report(store: Store, alice: User, case: Case) -> None:
    report = store.add_report(alice, case.id, "orders.txt", "orders", ORDERS)
    store.delete_report(alice, case.id, report.id)
    assert store.list_reports(alice, case.id) == []
    with pytest.raises(NotFound, match=f"has no report {report.id}"):
        store.get_report(alice, case.id, report.id)
    # Deleted, so the same file may be uploaded again.
    assert store.add_report(alice, case.id, "orders.txt", "orders", ORDERS).size == 54


def test_drafts_are_numbered_per_case(store: Store, alice: User, case: Case) -> None:
    other = store.create_case(alice, "Other", "Acme")
    first = store.add_draft(alice, case.id, "Draft one", {"v": 1}, '{"score": 40}', 40)
    elsewhere = store.add_draft(alice, other.id, "Other draft", {}, {}, None)
    second = store.add_draft(alice, case.id, "Draft two", {"v": 2}, {"score": 75}, 75)
    assert (first.number, second.number, elsewhere.number) == (1, 2, 1)
    drafts = store.list_drafts(alice, case.id)
    assert [(d.number, d.letter_text, d.score) for d in drafts] == [
        (1, "Draft one", 40),
        (2, "Draft two", 75),
    ]
    assert json.loads(store.get_draft(alice, case.id, 2).draft_json) == {"v": 2}
    with pytest.raises(NotFound, match="has no draft 3"):
        store.get_draft(alice, case.id, 3)


def test_adding_a_draft_does_not_bump_the_case_version(store: Store, alice: User, case: Case) -> None:
    """Saving a draft must not make the user's open edit of the case fields conflict."""
    store.add_draft(alice, case.id, "Draft", {}, {}, 50)
    stored = store.get_case(alice, case.id)
    assert stored.version == 1
    assert stored.updated_at > case.updated_at


@pytest.mark.parametrize(
    ("letter", "score", "message"),
    [
        ("", 50, "letter_text is empty"),
        ("ok", 101, "score 101"),
        ("ok", -1, "score -1"),
        ("ok", True, "score True"),
    ],
)
def test_bad_drafts_are_refused(
    store: Store, alice: User, case: Case, letter: str, score: int, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        store.add_draft(alice, case.id, letter, {}, {}, score)
    assert store.list_drafts(alice, case.id) == []


def test_record_submission_marks_the_case_submitted(store: Store, alice: User, case: Case) -> None:
    store.add_draft(alice, case.id, "Draft", {}, {}, 80)
    submission = store.record_submission(alice, case.id, 1, "2026-11-02", "sent via the appeal form")
    assert (submission.draft_number, submission.submitted_on, submission.note) == (
        1, date(2026, 11, 2), "sent via the appeal form",
    )  # fmt: skip
    stored = store.get_case(alice, case.id)
    assert (stored.status, stored.version) == ("submitted", 2)
    store.record_submission(alice, case.id, None, date(2026, 10, 30))
    assert [s.submitted_on for s in store.list_submissions(alice, case.id)] == [
        date(2026, 10, 30),
        date(2026, 11, 2),
    ]


def test_a_submission_must_name_an_existing_draft_and_a_past_date(
    store: Store, alice: User, case: Case
) -> None:
    with pytest.raises(NotFound, match="has no draft 4"):
        store.record_submission(alice, case.id, 4, date(2026, 11, 2))
    store.add_draft(alice, case.id, "Draft", {}, {}, 80)
    with pytest.raises(InvalidInput, match="is in the future"):
        store.record_submission(alice, case.id, 1, date.today() + timedelta(days=10))
    assert store.list_submissions(alice, case.id) == []
    assert store.get_case(alice, case.id).status == "draft"


@pytest.mark.parametrize(
    ("outcome", "status", "version"),
    [
        ("accepted", "reinstated", 2),
        ("rejected", "rejected", 2),
        ("more-info", "more-info", 2),  # Amazon waits on the seller: not "submitted" (issue 15)
        ("other", "draft", 1),
    ],
)
def test_replies_and_their_effect_on_status(
    store: Store, alice: User, case: Case, outcome: str, status: str, version: int
) -> None:
    reply = store.add_reply(alice, case.id, "2026-11-05", "Dear seller, ...", outcome)
    assert (reply.outcome, reply.received_on) == (outcome, date(2026, 11, 5))
    stored = store.get_case(alice, case.id)
    assert (stored.status, stored.version) == (status, version)
    assert [r.text for r in store.list_replies(alice, case.id)] == ["Dear seller, ..."]


def test_unknown_reply_outcome_is_refused(store: Store, alice: User, case: Case) -> None:
    with pytest.raises(InvalidInput, match="outcome 'maybe' is unknown"):
        store.add_reply(alice, case.id, date(2026, 11, 5), "text", "maybe")


def test_export_holds_everything_and_is_json(store: Store, alice: User, bob: User, case: Case) -> None:
    store.add_report(alice, case.id, "orders.txt", "orders", ORDERS, {"rows": 1})
    store.add_draft(alice, case.id, "Letter one", {"parts": ["a"]}, {"score": 66}, 66)
    store.record_submission(alice, case.id, 1, date(2026, 11, 2), "first try")
    store.add_reply(alice, case.id, date(2026, 11, 6), "Rejected.", "rejected")
    store.share_case(alice, case.id, "bob@example.com")
    exported = json.loads(json.dumps(store.export_case(alice, case.id)))
    assert exported["format"] == "reinstate-case-export"
    assert exported["case"]["title"] == "Late shipments"
    assert exported["case"]["status"] == "rejected"
    assert exported["case"]["owner_email"] == "alice@example.com"
    assert exported["shared_with"] == ["bob@example.com"]
    [report] = exported["reports"]
    assert base64.b64decode(report["content_base64"]) == ORDERS
    assert report["analysis"] == {"rows": 1}
    assert [(d["number"], d["draft"], d["review"], d["score"]) for d in exported["drafts"]] == [
        (1, {"parts": ["a"]}, {"score": 66}, 66)
    ]
    assert exported["submissions"][0]["submitted_on"] == "2026-11-02"
    assert exported["replies"][0]["outcome"] == "rejected"
    lean = store.export_case(alice, case.id, include_report_content=False)
    assert "content_base64" not in lean["reports"][0]


def test_every_write_survives_reopening(db_url: str) -> None:
    first = open_store(db_url)
    user = first.local_user()
    case = first.create_case(user, "Durable", "Acme")
    first.add_draft(user, case.id, "Kept letter", {}, {}, 55)
    first.close()
    second = open_store(db_url)
    assert [d.letter_text for d in second.list_drafts(second.local_user(), case.id)] == ["Kept letter"]
    second.close()


def test_draft_summaries_and_latest_drafts_respect_access(tmp_path: Path) -> None:
    from reinstate.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'summaries.db'}")
    owner = store.create_user("owner@example.com", "password-of-owner")
    stranger = store.create_user("stranger@example.com", "password-of-stranger")
    case = store.create_case(owner, "ODR", "Owner Goods")
    for score in (61, 88):
        store.add_draft(owner, case.id, "letter", "{}", "{}", score)
    summaries = store.draft_summaries(owner, case.id)
    assert [(s.number, s.score) for s in summaries] == [(1, 61), (2, 88)]
    assert store.latest_drafts(owner)[case.id].score == 88
    assert store.latest_drafts(stranger) == {}
    store.share_case(owner, case.id, "stranger@example.com")
    assert store.latest_drafts(stranger)[case.id].number == 2
