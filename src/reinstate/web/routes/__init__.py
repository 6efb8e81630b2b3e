"""Routers by area: auth (sign-in, users), account, sharing, cases, letters (drafts, exports, the review
editor), phrases (ready sentences), api. They build their pages with ``reinstate.web.pages``, never with
``reinstate.web.app``, which includes them."""
