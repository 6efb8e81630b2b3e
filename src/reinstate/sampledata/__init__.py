"""Sample Seller Central downloads for an invented seller, with planted, documented problems.

Public entry point: :func:`write_sample_data`. The seller, its catalogue and the planted problems
are described in :mod:`reinstate.sampledata.catalog`; the folder written also gets a README.md that
lists them with the numbers of this particular run.
"""

from __future__ import annotations

from pathlib import Path

from reinstate.errors import InputError, OutputError
from reinstate.sampledata import catalog

__all__ = ["write_sample_data"]


def write_sample_data(folder: Path, *, orders: int = 2000, seed: int = 7) -> list[Path]:
    """Write realistic downloads for ``orders`` orders (90 days ending 2026-11-20) into ``folder``.

    The same ``seed`` always gives the same files. Returns the paths written, README.md last.
    """
    from reinstate.sampledata.generate import generate

    if orders < 1:
        raise InputError(
            f"--orders must be at least 1, not {orders}.", fix="give a positive number of orders."
        )
    try:
        paths, tally = generate(folder, orders, seed)
    except OSError as exc:
        raise OutputError(f"cannot write the sample data ({exc.strerror}).", path=folder,
                          fix="choose a folder you can write to.") from None  # fmt: skip
    readme = folder / "README.md"
    counts = tally.counts
    start, end = catalog.CLOSURE
    lines = [
        f"# Sample downloads: {catalog.SELLER} (invented)",
        "",
        f"{orders} orders over 90 days ending {catalog.END} (seed {seed}), US marketplace, written by `reinstate sample-data`.",
        "",
        "Planted problems (what `reinstate analyze` should find):",
        "",
        f"1. Warehouse closure {start} to {end} with listings left active: {counts['closure_orders']} seller-fulfilled "
        f"orders were shipped on reopening; {counts['closure_negative_feedback']} got 1- or 2-star feedback and "
        f"{counts['closure_claims']} an A-to-z claim (item not received).",
        f"2. Wrong size chart on SKU {catalog.SIZE_SKU}: {counts['size_returns']} units returned as APPAREL_TOO_SMALL.",
        f"3. Untracked carrier {catalog.UNTRACKED}: {counts['untracked_' + catalog.UNTRACKED]} of "
        f"{counts['packages_' + catalog.UNTRACKED]} packages without valid tracking.",
        "",
        "Files: " + ", ".join(p.name for p in paths) + ".",
    ]
    readme.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [*paths, readme]
