"""The rule modules, imported in order so every rule is registered (see ``reinstate.review.registry``)."""

from reinstate.review.rules import (
    actions,
    evidence,
    kinds,
    language,
    prevention,
    root_cause,
    structure,
    style,
    tone,
)

MODULES = (structure, root_cause, actions, prevention, tone, style, language, evidence, kinds)
