"""A case's documents in the store (issue 16): kept byte for byte, once per case, only for those who may
see the case, with their checks beside them, exported, and removed with the case."""

from __future__ import annotations

import pytest

from reinstate.store import AlreadyExists, InvalidInput, NotFound, Store


def test_a_document_is_kept_listed_checked_and_removed(store: Store) -> None:
    user = store.local_user()
    case = store.create_case(user, "Inauthentic", "Acme")
    kept = store.add_document(user, case.id, "invoice.pdf", b"%PDF-1.7 invoice")
    assert [d.filename for d in store.list_documents(user, case.id)] == ["invoice.pdf"]
    assert store.get_document(user, case.id, kept.id).content == b"%PDF-1.7 invoice"
    store.set_document_checks(user, case.id, kept.id, {"type": "invoice"})
    assert store.list_documents(user, case.id)[0].checks_json == '{"type": "invoice"}'
    exported = store.export_case(user, case.id)
    assert exported["documents"][0]["filename"] == "invoice.pdf"
    with pytest.raises(AlreadyExists, match=r"already in the case, as invoice\.pdf"):
        store.add_document(user, case.id, "copy.pdf", b"%PDF-1.7 invoice")
    store.delete_document(user, case.id, kept.id)
    assert store.list_documents(user, case.id) == []
    with pytest.raises(NotFound):
        store.delete_document(user, case.id, kept.id)


def test_empty_and_oversized_documents_are_refused(store: Store) -> None:
    user = store.local_user()
    case = store.create_case(user, "Inauthentic", "Acme")
    with pytest.raises(InvalidInput, match="empty"):
        store.add_document(user, case.id, "invoice.pdf", b"")
    with pytest.raises(InvalidInput, match="larger than"):
        store.add_document(user, case.id, "scan.png", b"x" * (store.max_report_bytes + 1))


def test_another_users_case_keeps_its_documents_to_itself(store: Store) -> None:
    alice = store.create_user("alice@example.com", "correct horse battery")
    bob = store.create_user("bob@example.com", "correct horse battery")
    case = store.create_case(alice, "Alice's", "Acme")
    kept = store.add_document(alice, case.id, "invoice.pdf", b"%PDF")
    with pytest.raises(NotFound):
        store.get_document(bob, case.id, kept.id)
    with pytest.raises(NotFound):
        store.add_document(bob, case.id, "mine.pdf", b"%PDF other")
    store.delete_case(alice, case.id, confirm=True)
    store.add_document(alice, store.create_case(alice, "Next", "Acme").id, "invoice.pdf", b"%PDF")
