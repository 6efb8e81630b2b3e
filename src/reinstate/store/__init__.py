"""The case store: every case, report, draft, submission and reply, kept in a database.

Public entry point: :func:`open_store` opens (creating and migrating when needed) the SQLite file in
the user data folder, or any ``sqlite:///`` or ``postgresql://`` URL, and returns a :class:`Store`.
Every method of the store takes the acting user and enforces who may see what; every write is one
transaction. Errors are the classes of :mod:`reinstate.store.errors`.

Example::

    store = open_store()                      # or open_store("postgresql://user:pw@host/reinstate")
    me = store.local_user()                   # single-user mode
    case = store.create_case(me, "ODR suspension", "Acme Goods", reasons=["order-defect-rate"])
    case = store.update_case(me, case.id, case.version, notice_text=pasted)

A signed-in browser is a server-side session (:mod:`reinstate.store.sessions`): ``start_session``
returns the token for its cookie, ``session_user`` turns a token back into its account, and sign-out,
"sign out everywhere", a password change and account deletion end sessions for good.
"""

from __future__ import annotations

from reinstate.store.engine import data_dir, default_url
from reinstate.store.errors import (
    AlreadyExists,
    ConfirmationRequired,
    ConflictError,
    DatabaseUnavailable,
    InvalidInput,
    NotFound,
    PermissionDenied,
    StoreError,
    WrongPassword,
)
from reinstate.store.export import row_dict
from reinstate.store.listing import CASE_SORTS, CaseListing, CaseQuery, CaseRow
from reinstate.store.models import (
    CASE_STATUSES,
    REPLY_OUTCOMES,
    AmazonReply,
    Case,
    CaseDocument,
    CaseShare,
    DraftVersion,
    Report,
    Submission,
    User,
    UserSession,
)
from reinstate.store.records import CaseOverview, DraftSummary
from reinstate.store.sessions import SESSION_LIFETIME, SessionInfo
from reinstate.store.store import Store, open_store

__all__ = [
    "CASE_SORTS",
    "CASE_STATUSES",
    "REPLY_OUTCOMES",
    "SESSION_LIFETIME",
    "AlreadyExists",
    "AmazonReply",
    "Case",
    "CaseDocument",
    "CaseListing",
    "CaseOverview",
    "CaseQuery",
    "CaseRow",
    "CaseShare",
    "ConfirmationRequired",
    "ConflictError",
    "DatabaseUnavailable",
    "DraftSummary",
    "DraftVersion",
    "InvalidInput",
    "NotFound",
    "PermissionDenied",
    "Report",
    "SessionInfo",
    "Store",
    "StoreError",
    "Submission",
    "User",
    "UserSession",
    "WrongPassword",
    "data_dir",
    "default_url",
    "open_store",
    "row_dict",
]
