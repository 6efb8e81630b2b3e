"""Date parsing in SQL, for every date format Amazon's downloads use.

Timestamps with an offset (``2026-09-12T23:30:00-07:00``) become their calendar date in UTC, as the
spec asks. Short numeric dates are ambiguous (``1/2/26``): the order of day, month and year is read
from the data itself (the order that reads the most values as recent dates wins), and otherwise follows
the marketplace (US uses month first, Japan year first, the rest day first).
"""

from __future__ import annotations

ZONED = (
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S.%f%z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M%z",
    "%b %d, %Y %I:%M:%S %p%z",
    "%b %d, %Y %I:%M %p%z",
    "%b %d, %Y %H:%M:%S%z",
    "%d.%m.%Y %H:%M:%S%z",
)
ZONED_SLASHED = {
    "mdy": ("%m/%d/%Y %I:%M:%S %p%z", "%m/%d/%Y %H:%M:%S%z", "%m/%d/%Y %H:%M%z"),
    "dmy": ("%d/%m/%Y %H:%M:%S%z", "%d/%m/%Y %H:%M%z"),
    "ymd": ("%Y/%m/%d %H:%M:%S%z", "%Y/%m/%d %H:%M%z"),
}
# Time zone names Seller Central prints after a time, longest first so that CEST is not read as EST.
ZONE_OFFSETS = {
    "CEST": "+02:00", "AEDT": "+11:00", "AEST": "+10:00", "UTC": "+00:00", "GMT": "+00:00", "BST": "+01:00",
    "CET": "+01:00", "JST": "+09:00", "IST": "+05:30", "PST": "-08:00", "PDT": "-07:00", "MST": "-07:00",
    "MDT": "-06:00", "CST": "-06:00", "CDT": "-05:00", "EST": "-05:00", "EDT": "-04:00", "Z": "+00:00",
}  # fmt: skip
PLAIN = (
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%d-%m-%Y",
    "%d.%m.%y",
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M:%S",
    "%b %d, %Y",
    "%d %b %Y",
    "%Y年%m月%d日",
)
# Two-digit years are tried first: "%Y" would read "26" as the year 26.
SLASHED = {
    "mdy": (
        "%m/%d/%y",
        "%m/%d/%Y",
        "%m/%d/%y %H:%M:%S",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %H:%M",
        "%m/%d/%Y %I:%M %p",
    ),
    "dmy": ("%d/%m/%y", "%d/%m/%Y", "%d/%m/%y %H:%M:%S", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M"),
    "ymd": ("%y/%m/%d", "%Y/%m/%d", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M"),
}
MARKETPLACE_ORDER = {"US": "mdy", "JP": "ymd", "SE": "ymd"}
SALES_CHANNELS = {
    "amazon.com": "US",
    "amazon.ca": "CA",
    "amazon.com.mx": "MX",
    "amazon.com.br": "BR",
    "amazon.co.uk": "UK",
    "amazon.de": "DE",
    "amazon.fr": "FR",
    "amazon.it": "IT",
    "amazon.es": "ES",
    "amazon.nl": "NL",
    "amazon.se": "SE",
    "amazon.pl": "PL",
    "amazon.com.be": "BE",
    "amazon.ie": "IE",
    "amazon.com.tr": "TR",
    "amazon.ae": "AE",
    "amazon.sa": "SA",
    "amazon.eg": "EG",
    "amazon.in": "IN",
    "amazon.co.jp": "JP",
    "amazon.com.au": "AU",
    "amazon.sg": "SG",
}


def _list(formats: tuple[str, ...]) -> str:
    return "[" + ", ".join(f"'{fmt}'" for fmt in formats) + "]"


def date_sql(column: str, order: str, fast: str | None = None) -> str:
    """A SQL expression turning the text column ``column`` into a DATE (NULL when unreadable).

    ``fast`` is the one format most values use (chosen from a sample when the file is loaded): it is
    tried first, and the full list only for the values it cannot read, which keeps a million rows
    quick. A trailing zone name (``Z``, ``UTC``, ``PST``, ``CEST``...) becomes its offset.
    """
    text = f"trim({column})"
    names = "|".join(ZONE_OFFSETS)
    offsets = " ".join(f"WHEN '{name}' THEN '{offset}'" for name, offset in ZONE_OFFSETS.items())
    zoned = (
        f"CASE WHEN regexp_matches({text}, '[0-9 ]({names})$') THEN regexp_replace({text}, ' ?({names})$', '') "
        f"|| (CASE regexp_extract({text}, '({names})$', 1) {offsets} END) ELSE {text} END"
    )
    full = (
        f"coalesce(try_strptime({zoned}, {_list(ZONED + ZONED_SLASHED[order])})::DATE, "
        f"try_strptime({text}, {_list(PLAIN + SLASHED[order])})::DATE)"
    )
    if fast is None:
        return full
    return f"coalesce(try_strptime({column}, '{fast}')::DATE, {full})"


def candidates(order: str) -> tuple[str, ...]:
    """Every format tried for a column whose slashed dates are in ``order``, in the order tried."""
    return ZONED + ZONED_SLASHED[order] + PLAIN + SLASHED[order]


def slash_order_sql(column: str, table: str) -> str:
    """A query scoring each day/month/year order on the slashed dates of ``column``.

    For each order it gives how many values read as a date within four years before and one
    year after today (plausible), then how many read at all, over the first 2,000 such values.
    """
    parts = []
    for order in ORDERS:
        parsed = f"try_strptime(trim({column}), {_list(SLASHED[order])})"
        parts.append(
            f"count(*) FILTER ({parsed} BETWEEN current_date - INTERVAL 4 YEAR AND current_date + INTERVAL 1 YEAR)"
        )
        parts.append(f"count({parsed})")
    return f"SELECT {', '.join(parts)} FROM (SELECT {column} FROM {table} WHERE {column} LIKE '%/%/%' LIMIT 2000)"


ORDERS = ("mdy", "dmy", "ymd")


def choose_order(scores: tuple[int, ...], marketplace: str | None) -> str:
    """The day/month/year order that reads the most dates plausibly, ties going to the marketplace's."""
    default = MARKETPLACE_ORDER.get(marketplace or "US", "dmy")
    ranked = {order: (scores[2 * i], scores[2 * i + 1], order == default) for i, order in enumerate(ORDERS)}
    return max(ORDERS, key=lambda order: ranked[order])


def marketplace_of(sales_channel: str | None) -> str | None:
    """The marketplace code for a sales-channel value such as ``Amazon.co.uk``."""
    if not sales_channel:
        return None
    return SALES_CHANNELS.get(sales_channel.strip().lower())
