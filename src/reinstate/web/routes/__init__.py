"""Routers by area: auth (sign-in, users, sharing), cases, letters (drafts, exports, the review editor), api."""
