"""Complaints behind condition and authenticity reasons: feedback and return comments by theme and SKU.

These reasons are not metrics, so every buyer text counts (any rating): feedback comments, claim
reasons and FBA return comments that say the item was used or fake, tied to the order's SKU.
"""

from __future__ import annotations

from reinstate.diagnose.common import rows_as_dicts, source_sql
from reinstate.diagnose.model import Finding
from reinstate.diagnose.themes import THEMES, theme_sql
from reinstate.reports import ReadResult

REASON_THEMES = {
    "condition-complaint": ("used", "not-as-described", "wrong-item"),
    "inauthentic": ("counterfeit",),
}
WORDS = {"used": "say the item was used", "not-as-described": "say the item was not as described",
         "wrong-item": "say the wrong item was sent", "counterfeit": "call the item fake or not genuine"}  # fmt: skip
WORDS_ZH = {"used": "说商品是用过的", "not-as-described": "说商品与描述不符", "wrong-item": "说发错了商品",
            "counterfeit": "说商品是假货或不是正品"}  # fmt: skip


def texts_sql(read: ReadResult) -> str:
    """Every buyer text with its order, source and theme."""
    fb = source_sql(read, "file_id", read.line_sql("feedback"))
    rt = source_sql(read, "file_id", read.line_sql("returns"))
    cl = source_sql(read, "file_id", read.line_sql("claims"))
    return f"""SELECT t.*, {theme_sql("t.text")} AS theme, o.sku, o.asin FROM (
        SELECT order_id, 'feedback' AS kind, comments AS text, date, {fb} AS source FROM feedback
        UNION ALL SELECT order_id, 'return', customer_comments, return_date, {rt} FROM returns
            WHERE customer_comments IS NOT NULL
        UNION ALL SELECT order_id, 'claim', reason, claim_date, {cl} FROM claims) t
        LEFT JOIN (SELECT order_id, min(sku) AS sku, min(asin) AS asin FROM orders GROUP BY 1) o USING (order_id)
        WHERE t.text IS NOT NULL"""


def _main_sku(read: ReadResult, theme: str, count: int) -> tuple[str | None, int]:
    """The SKU that holds at least half of the theme's complaints and more than any other SKU, if any."""
    top = read.con.execute(
        "SELECT sku, count(*) FROM complaints WHERE theme = ? AND sku IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 2",
        [theme],
    ).fetchall()
    if not top or int(top[0][1]) * 2 < count or (len(top) > 1 and top[1][1] == top[0][1]):
        return None, 0  # spread out, or a tie: no SKU stands out
    return str(top[0][0]), int(top[0][1])


def findings(read: ReadResult, reason: str) -> list[Finding]:
    read.con.execute(f"CREATE OR REPLACE TEMP TABLE complaints AS {texts_sql(read)}")
    row = read.con.execute("SELECT count(*) FROM complaints WHERE theme IS NOT NULL").fetchone()
    total = int(row[0]) if row else 0
    out = []
    for theme in REASON_THEMES.get(reason, ()):
        counted = read.con.execute("SELECT count(*) FROM complaints WHERE theme = ?", [theme]).fetchone()
        count = int(counted[0]) if counted else 0
        sku, on_sku = _main_sku(read, theme, count)
        if count == 0:
            continue
        where = f" ({on_sku} of them on SKU {sku})" if sku and count > 1 else ""
        summary = f"{count} buyer comments or claims {WORDS[theme]}{where}."
        where_zh = f"（其中 {on_sku} 条针对 SKU {sku}）" if where else ""
        summary_zh = f"有 {count} 条买家留言或索赔{WORDS_ZH[theme]}{where_zh}。"
        rows = rows_as_dicts(
            read, f"SELECT * FROM complaints WHERE theme = '{theme}' ORDER BY date, order_id, kind"
        )
        cause = THEMES[theme][1]
        kb = cause if cause and cause.startswith(reason) else None
        out.append(Finding(f"{reason}-theme-{theme}", reason, reason, "theme", summary, count / total, count, total,
                           {"theme": theme, "sku": sku, "rows": rows}, kb, summary_zh=summary_zh))  # fmt: skip
    return out
