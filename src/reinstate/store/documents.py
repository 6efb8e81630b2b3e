"""A case's documents (invoices, letters of authorization, utility bills): kept, listed, removed, and the
result of their checks stored beside them."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, undefer

from reinstate.store import validate
from reinstate.store.base import StoreBase, valid_id
from reinstate.store.errors import AlreadyExists, InvalidInput, NotFound
from reinstate.store.models import CaseDocument, User, utcnow


class DocumentsMixin(StoreBase):
    def add_document(self, user: User, case_id: int, filename: str, content: bytes) -> CaseDocument:
        """Keep a document (at most ``max_report_bytes``; the same file only once per case)."""
        name = validate.filename(filename)
        if not isinstance(content, bytes | bytearray | memoryview) or not bytes(content):
            raise InvalidInput("the file is empty.", path=name, fix="choose the document file again.")
        data = bytes(content)
        if len(data) > self.max_report_bytes:
            raise InvalidInput(
                f"the file is larger than {self.max_report_bytes // (1024 * 1024)} MB.",
                path=name,
                fix="send a smaller scan (150–300 dpi is enough) or a PDF of the document itself.",
            )
        digest = hashlib.sha256(data).hexdigest()
        try:
            with self._write() as session:
                _, case = self._case(session, user, case_id, lock=True)
                query = select(CaseDocument.filename).where(
                    CaseDocument.case_id == case.id, CaseDocument.sha256 == digest
                )
                earlier = session.scalars(query).first()
                if earlier is not None:
                    raise _duplicate(name, earlier)
                document = CaseDocument(
                    case_id=case.id, filename=name, size=len(data), sha256=digest, content=data,
                    uploaded_at=utcnow(),
                )  # fmt: skip
                session.add(document)
                session.flush()
                case.updated_at = utcnow()
                return document
        except IntegrityError as error:  # the same file added twice at the same moment
            raise _duplicate(name, name) from error

    def list_documents(self, user: User, case_id: int) -> list[CaseDocument]:
        """The documents of a case, oldest first, without their content."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            query = select(CaseDocument).where(CaseDocument.case_id == case.id).order_by(CaseDocument.id)
            return list(session.scalars(query))

    def get_document(self, user: User, case_id: int, document_id: int) -> CaseDocument:
        """One document with its content."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            return _document(session, case.id, document_id, with_content=True)

    def set_document_checks(self, user: User, case_id: int, document_id: int, checks_json: Any) -> None:
        """Store (or replace) what the checks found in a document."""
        text = validate.json_text(checks_json, "checks_json", limit=self.max_text_chars * 10, optional=True)
        with self._write() as session:
            _, case = self._case(session, user, case_id, lock=True)
            _document(session, case.id, document_id, with_content=False).checks_json = text

    def delete_document(self, user: User, case_id: int, document_id: int) -> None:
        """Remove one document from the case."""
        with self._write() as session:
            _, case = self._case(session, user, case_id, lock=True)
            session.delete(_document(session, case.id, document_id, with_content=False))
            case.updated_at = utcnow()


def _document(session: Session, case_id: int, document_id: int, *, with_content: bool) -> CaseDocument:
    query = select(CaseDocument).where(CaseDocument.case_id == case_id, CaseDocument.id == document_id)
    if with_content:
        query = query.options(undefer(CaseDocument.content))
    found = session.scalars(query).one_or_none() if valid_id(document_id) else None
    if found is None:
        raise NotFound(
            f"case {case_id} has no document {document_id}.", key="document_id", fix="reload the case page."
        )
    return found


def _duplicate(name: str, earlier: str) -> AlreadyExists:
    return AlreadyExists(
        f"this document is already in the case, as {earlier}.",
        path=name,
        fix="add a different document, or remove the earlier one first.",
    )
