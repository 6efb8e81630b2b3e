"""Import every command module, in the order of spec section 1 (and of `reinstate --help`)."""

# ruff: noqa: I001  (the import order is the order of the commands in --help)
from reinstate.cli import notice_cmd
from reinstate.cli import reply_cmd
from reinstate.cli import analyze_cmd
from reinstate.cli import draft_cmds
from reinstate.cli import paths_cmd
from reinstate.cli import review_cmd
from reinstate.cli import documents_cmd
from reinstate.cli import kb_cmds
from reinstate.cli import sampledata_cmd
from reinstate.cli import demo_cmd
from reinstate.cli import serve_cmd

__all__ = [
    "analyze_cmd",
    "demo_cmd",
    "documents_cmd",
    "draft_cmds",
    "kb_cmds",
    "notice_cmd",
    "paths_cmd",
    "reply_cmd",
    "review_cmd",
    "sampledata_cmd",
    "serve_cmd",
]
