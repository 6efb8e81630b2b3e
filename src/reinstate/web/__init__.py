"""The local web app (`reinstate serve`): one case page from notice to submitted appeal.

Public entry points: :func:`create_app` and :class:`Settings`.
"""

from reinstate.web.app import create_app
from reinstate.web.settings import Settings

__all__ = ["Settings", "create_app"]
