"""Read what a seller wrote about an action, and restate it in the tense the letter needs.

Sellers write actions every way ("Refund all 12 buyers", "Refunded...", "We have refunded...",
"Retraining all packers", "All 12 buyers were refunded", "Going forward, every order is checked").
A letter states a completed act as "On 10 November 2026 we <past clause>.", a planned step in the
base form, and a standing rule as a measure. A promise restated as a done event invents a fact, and
a half-converted clause ("shipped the orders and cancel none") reads as careless, so
:func:`read_action` first decides what kind of statement the text is and converts tense only when
it recognises the leading verb; anything else is kept as written, and callers warn.

Verb knowledge comes from ``lemminflect`` (a bundled dictionary plus rules for unknown words),
imported inside the helpers: loading it costs a few hundred milliseconds the CLI should not pay.
"""

from reinstate.letters.english.actions import base_clause, past_clause, read_action, reads_as_plan
from reinstate.letters.english.lexicon import ActionKind, ActionReading
from reinstate.letters.english.text import count_phrase, lower_first, plural, sentence

__all__ = [
    "ActionKind",
    "ActionReading",
    "base_clause",
    "count_phrase",
    "lower_first",
    "past_clause",
    "plural",
    "read_action",
    "reads_as_plan",
    "sentence",
]
