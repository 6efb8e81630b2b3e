"""A finding as a root cause the seller can confirm: the phrase of its cause, filled with what the data knows.

The analysis proves a cause in numbers ("71 of the 73 defective orders were placed between 12 and 20
October"); the phrase bank has the sentence for that cause. This fills the phrase's slots from the
finding's evidence by slot type (the period, the count, the total, the share, the ASIN or SKU, the
carrier) and leaves the rest, which only the seller knows (why nobody could ship), for her to add.
Nothing is guessed: a slot the evidence does not give stays empty and is listed as ``missing``.
"""

from __future__ import annotations

from typing import Any

from reinstate.diagnose.model import Finding
from reinstate.kb import BankPhrase, load_phrase_bank
from reinstate.kb.phrases import Slot, check_values

TOTAL_NAMES = ("total", "all", "out_of")
CARRIER_NAMES = ("carrier", "service", "forwarder")


def _value(slot: Slot, finding: Finding, used_count: bool) -> Any:
    evidence = finding.evidence
    match slot.type:
        case "date_range" if "start" in evidence and "end" in evidence:
            return {"from": evidence["start"], "to": evidence["end"]}
        case "number":
            if any(word in slot.name for word in TOTAL_NAMES):
                return finding.total
            return None if used_count else finding.count
        case "percent":
            return round(finding.share * 100)
        case "id" if slot.of == "asin" and evidence.get("asin"):
            return [evidence["asin"]] if slot.many else evidence["asin"]
        case "id" if slot.of == "sku" and evidence.get("sku"):
            return [evidence["sku"]] if slot.many else evidence["sku"]
        case "name" if evidence.get("column") == "carrier" and any(w in slot.name for w in CARRIER_NAMES):
            return evidence.get("value")
    return None


def fill(item: BankPhrase, finding: Finding) -> tuple[dict[str, Any], list[str]]:
    """The values the finding gives for this phrase, and the required slots left for the seller."""
    values: dict[str, Any] = {}
    used: set[str] = set()  # the count and the carrier go to one slot each
    for slot in item.phrase.slots:
        value = _value(slot, finding, "count" in used)
        if value is None or (slot.type == "name" and "name" in used) or not _valid(slot, item, value):
            continue
        values[slot.name] = value
        if slot.type == "number" and value == finding.count and not any(w in slot.name for w in TOTAL_NAMES):
            used.add("count")
        if slot.type == "name":
            used.add("name")
    missing = [s.name for s in item.phrase.slots if s.required and s.name not in values]
    return values, missing


def _valid(slot: Slot, item: BankPhrase, value: Any) -> bool:
    _, problems = check_values(item.phrase, {slot.name: value})
    return not any(p.slot == slot.name for p in problems)


def suggest_phrase(finding: Finding) -> dict[str, Any] | None:
    """The best phrase for the finding's cause: the one the data fills most, with its values and gaps."""
    if not finding.kb_cause or "/" not in finding.kb_cause:
        return None
    reason, cause = finding.kb_cause.split("/", 1)
    candidates = [p for p in load_phrase_bank().select(reason, "root_cause") if p.phrase.kb == cause]
    if not candidates:
        return None
    scored = []
    for order, item in enumerate(candidates):
        values, missing = fill(item, finding)
        scored.append((len(missing), -len(values), order, item, values, missing))
    _, _, _, item, values, missing = min(scored, key=lambda s: s[:3])
    return {"id": item.id, "values": values, "missing": missing}
