"""What a case collects over time: report files, numbered drafts, submissions and Amazon's replies.

Each method checks the access rule and runs in one transaction. Draft numbers are handed out under
the case's write lock and guarded by a unique ``(case_id, number)`` constraint with a retry, so two
clicks on "save draft" give versions n and n+1, never the same number and never an error.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, undefer

from reinstate.store import validate
from reinstate.store.base import StoreBase, valid_id
from reinstate.store.errors import AlreadyExists, DatabaseUnavailable, InvalidInput, NotFound
from reinstate.store.models import AmazonReply, Case, DraftVersion, Report, Submission, User, utcnow

DRAFT_ATTEMPTS = 5
STATUS_AFTER_REPLY = {"accepted": "reinstated", "rejected": "rejected", "more-info": "more-info"}


@dataclass(frozen=True)
class DraftSummary:
    """What a list shows of a draft: its number, score and when it was made."""

    number: int
    score: int | None
    created_at: datetime


@dataclass(frozen=True)
class CaseOverview:
    """A case with the lists its page shows (report contents are not loaded)."""

    case: Case
    drafts: list[DraftSummary]
    reports: list[Report]
    submissions: list[Submission]
    replies: list[AmazonReply]


class RecordsMixin(StoreBase):
    """Reports, drafts, submissions and replies of a case."""

    # Reports ----------------------------------------------------------------------------------

    def add_report(
        self, user: User, case_id: int, filename: str, kind: str, content: bytes, analysis_json: Any = None
    ) -> Report:
        """Keep an uploaded report (at most ``max_report_bytes``; the same file only once per case)."""
        name = validate.filename(filename)
        report_kind = validate.line(kind, "kind", limit=40, required=True)
        data = self._report_bytes(name, content)
        analysis = validate.json_text(
            analysis_json, "analysis_json", limit=self.max_text_chars * 10, optional=True
        )
        digest = hashlib.sha256(data).hexdigest()
        try:
            with self._write() as session:
                _, case = self._case(session, user, case_id, lock=True)
                query = select(Report.filename).where(Report.case_id == case.id, Report.sha256 == digest)
                earlier = session.scalars(query).first()
                if earlier is not None:
                    raise _duplicate(name, earlier)
                report = Report(
                    case_id=case.id, filename=name, kind=report_kind, size=len(data), sha256=digest,
                    content=data, analysis_json=analysis, uploaded_at=utcnow(),
                )  # fmt: skip
                session.add(report)
                session.flush()
                case.updated_at = utcnow()
                return report
        except IntegrityError as error:  # the same file uploaded twice at the same moment
            raise _duplicate(name, name) from error

    def _report_bytes(self, name: str, content: object) -> bytes:
        if not isinstance(content, bytes | bytearray | memoryview):
            raise InvalidInput(
                "the upload is not a file.", path=name, key="content", fix="upload the report file."
            )
        data = bytes(content)
        if not data:
            raise InvalidInput(
                "the file is empty.", path=name, fix="download the report again from Seller Central."
            )
        if len(data) > self.max_report_bytes:
            raise InvalidInput(
                f"the file is {_size(len(data))}; the limit is {_size(self.max_report_bytes)}.",
                path=name,
                fix="download the report for a shorter date range, or split it.",
            )
        return data

    def set_report_analysis(self, user: User, case_id: int, report_id: int, analysis_json: Any) -> Report:
        """Store (or replace) the analysis of a report."""
        analysis = validate.json_text(
            analysis_json, "analysis_json", limit=self.max_text_chars * 10, optional=True
        )
        with self._write() as session:
            _, case = self._case(session, user, case_id, lock=True)
            report = self._report(session, case.id, report_id, with_content=False)
            report.analysis_json = analysis
            case.updated_at = utcnow()
            return report

    def list_reports(self, user: User, case_id: int) -> list[Report]:
        """The reports of a case, oldest first, without their file content (read it with get_report)."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            return _reports(session, case.id)

    def get_report(self, user: User, case_id: int, report_id: int) -> Report:
        """One report with its file content."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            return self._report(session, case.id, report_id, with_content=True)

    def delete_report(self, user: User, case_id: int, report_id: int) -> None:
        """Remove one report (a wrong upload) from the case."""
        with self._write() as session:
            _, case = self._case(session, user, case_id, lock=True)
            session.delete(self._report(session, case.id, report_id, with_content=False))
            case.updated_at = utcnow()

    @staticmethod
    def _report(session: Session, case_id: int, report_id: int, *, with_content: bool) -> Report:
        query = select(Report).where(Report.case_id == case_id, Report.id == report_id)
        if with_content:
            query = query.options(undefer(Report.content))
        report: Report | None = session.scalars(query).one_or_none() if valid_id(report_id) else None
        if report is None:
            raise NotFound(
                f"case {case_id} has no report {report_id}.", key="report_id", fix="pick one from the list."
            )
        return report

    # Drafts -----------------------------------------------------------------------------------

    def add_draft(
        self, user: User, case_id: int, letter_text: str, draft_json: Any, review_json: Any, score: int | None
    ) -> DraftVersion:
        """Save the next numbered draft of the case's letter with its review."""
        letter = validate.text(letter_text, "letter_text", limit=self.max_text_chars, required=True)
        draft = validate.json_text(draft_json, "draft_json", limit=self.max_text_chars * 5)
        review = validate.json_text(review_json, "review_json", limit=self.max_text_chars * 5)
        points = validate.score(score)
        for _attempt in range(DRAFT_ATTEMPTS):
            try:
                with self._write() as session:
                    _, case = self._case(session, user, case_id, lock=True)
                    version = DraftVersion(
                        case_id=case.id, number=self._next_draft_number(session, case.id), letter_text=letter, draft_json=draft or "null",
                        review_json=review or "null", score=points, created_at=utcnow(),
                    )  # fmt: skip
                    session.add(version)
                    session.flush()
                    case.updated_at = utcnow()
                    return version
            except IntegrityError:
                continue  # another save took this number first: count again
        raise DatabaseUnavailable(
            f"could not number the new draft of case {case_id}: the database is too busy.", fix="save again."
        )

    @staticmethod
    def _next_draft_number(session: Session, case_id: int) -> int:
        """One more than the highest draft number of the case (1 for the first)."""
        last = session.scalar(select(func.max(DraftVersion.number)).where(DraftVersion.case_id == case_id))
        return (last or 0) + 1

    def list_drafts(self, user: User, case_id: int) -> list[DraftVersion]:
        """Every draft of the case, by number."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            query = select(DraftVersion).where(DraftVersion.case_id == case.id).order_by(DraftVersion.number)
            return list(session.scalars(query))

    def draft_summaries(self, user: User, case_id: int) -> list[DraftSummary]:
        """Number, score and time of every draft of the case, without loading the letters themselves."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            return _draft_summaries(session, case.id)

    def case_overview(self, user: User, case_id: int) -> CaseOverview:
        """Everything a case page shows, read in one transaction with one access check."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            return CaseOverview(
                case=case,
                drafts=_draft_summaries(session, case.id),
                reports=_reports(session, case.id),
                submissions=_submissions(session, case.id),
                replies=_replies(session, case.id),
            )

    def get_draft(self, user: User, case_id: int, number: int) -> DraftVersion:
        """One draft of the case by its number."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            query = select(DraftVersion).where(DraftVersion.case_id == case.id, DraftVersion.number == number)
            found = session.scalars(query).one_or_none() if valid_id(number) else None
            if found is None:
                raise NotFound(
                    f"case {case_id} has no draft {number}.", key="number", fix="pick one from the list."
                )
            return found

    # Submissions and replies ------------------------------------------------------------------

    def record_submission(
        self, user: User, case_id: int, draft_number: int | None, submitted_on: date | str, note: str = ""
    ) -> Submission:
        """Record that an appeal was sent (its draft, when known, must exist); the case becomes submitted."""
        day = validate.day(submitted_on, "submitted_on", not_after_today=True)
        text = validate.text(note, "note", limit=self.max_text_chars)
        with self._write() as session:
            _, case = self._case(session, user, case_id, lock=True)
            if draft_number is not None:
                query = select(DraftVersion.id).where(
                    DraftVersion.case_id == case.id, DraftVersion.number == draft_number
                )
                if not valid_id(draft_number) or session.scalar(query) is None:
                    raise NotFound(
                        f"case {case_id} has no draft {draft_number}.",
                        key="draft_number",
                        fix="pick a saved draft.",
                    )
            submission = Submission(case_id=case.id, draft_number=draft_number, submitted_on=day, note=text)
            session.add(submission)
            session.flush()
            case.status = "submitted"
            self._touch(case)
            return submission

    def list_submissions(self, user: User, case_id: int) -> list[Submission]:
        """The appeals sent for the case, oldest first."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            return _submissions(session, case.id)

    def add_reply(
        self, user: User, case_id: int, received_on: date | str, text: str, outcome: str
    ) -> AmazonReply:
        """Record Amazon's answer; "accepted" marks the case reinstated, "rejected" marks it rejected."""
        day = validate.day(received_on, "received_on", not_after_today=True)
        body = validate.text(text, "text", limit=self.max_text_chars, required=True)
        result = validate.outcome(outcome)
        with self._write() as session:
            _, case = self._case(session, user, case_id, lock=True)
            reply = AmazonReply(case_id=case.id, received_on=day, text=body, outcome=result)
            session.add(reply)
            session.flush()
            new_status = STATUS_AFTER_REPLY.get(result)
            if new_status and new_status != case.status:
                case.status = new_status
                self._touch(case)
            else:
                case.updated_at = utcnow()
            return reply

    def list_replies(self, user: User, case_id: int) -> list[AmazonReply]:
        """Amazon's replies for the case, oldest first."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            return _replies(session, case.id)


# The lists of one case, as the list_* methods and case_overview read them (access already checked).
def _draft_summaries(session: Session, case_id: int) -> list[DraftSummary]:
    query = (
        select(DraftVersion.number, DraftVersion.score, DraftVersion.created_at)
        .where(DraftVersion.case_id == case_id)
        .order_by(DraftVersion.number)
    )
    return [DraftSummary(n, score, at) for n, score, at in session.execute(query)]


def _reports(session: Session, case_id: int) -> list[Report]:
    return list(session.scalars(select(Report).where(Report.case_id == case_id).order_by(Report.id)))


def _submissions(session: Session, case_id: int) -> list[Submission]:
    query = select(Submission).where(Submission.case_id == case_id)
    return list(session.scalars(query.order_by(Submission.submitted_on, Submission.id)))


def _replies(session: Session, case_id: int) -> list[AmazonReply]:
    query = select(AmazonReply).where(AmazonReply.case_id == case_id)
    return list(session.scalars(query.order_by(AmazonReply.received_on, AmazonReply.id)))


def _size(count: int) -> str:
    """A byte count as people read it: bytes below one megabyte, else megabytes (MiB)."""
    return f"{count:,} bytes" if count < 2**20 else f"{count / 2**20:.1f} MB"


def _duplicate(name: str, earlier: str) -> AlreadyExists:
    return AlreadyExists(
        f"this file is already in the case, as {earlier}.",
        path=name,
        fix="upload a different report, or delete the earlier one first.",
    )
