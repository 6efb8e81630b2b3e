"""Generate the invented seller's downloads, streaming every file row by row (1 million orders is fine)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import IO

from reinstate.sampledata import catalog as c
from reinstate.sampledata.formats import FILES, Writers

ONE_DAY = dt.timedelta(days=1)


@dataclass
class Tally:
    """What was planted, counted while generating, for the README of the folder."""

    counts: Counter[str] = field(default_factory=Counter)


@dataclass
class Order:
    order_id: str
    day: dt.date
    stamp: str
    lines: list[tuple[c.Product, int]]
    status: str
    state: str
    service: str

    @property
    def mfn(self) -> bool:
        return self.lines[0][0].channel == "Merchant"


class Generator:
    """One pass over the days; each order writes its line(s) and any events it causes."""

    def __init__(self, seed: int, orders: int, writers: Writers) -> None:
        self.rng = random.Random(seed)
        self.total = orders
        self.out = writers
        self.tally = Tally()
        self.weights = list(accumulate(p.weight for p in c.CATALOG))
        self.state_weights = list(accumulate(w for _, w in c.STATES))
        self.carrier_weights = list(accumulate(w for _, w in c.CARRIERS))
        self.reason_weights = list(accumulate(w for _, w in c.RETURN_REASONS))
        self.serial = 0

    def run(self) -> Tally:
        start = c.END - dt.timedelta(days=c.DAYS - 1)
        day_weights = [1.25 if (start + d * ONE_DAY).weekday() >= 5 else 1.0 for d in range(c.DAYS)]
        scale = self.total / sum(day_weights)
        made = 0
        for index, _weight in enumerate(day_weights):
            target = round(sum(day_weights[: index + 1]) * scale) if index < c.DAYS - 1 else self.total
            for _ in range(target - made):
                self.order(start + index * ONE_DAY)
            made = target
        return self.tally

    def order(self, day: dt.date) -> None:
        rng = self.rng
        self.serial += 1
        first = rng.choices(c.CATALOG, cum_weights=self.weights)[0]
        lines = [(first, 1 if rng.random() < 0.9 else rng.choice((2, 3)))]
        if rng.random() < 0.12:
            other = rng.choices(c.CATALOG, cum_weights=self.weights)[0]
            if other.channel == first.channel and other is not first:
                lines.append((other, 1))
        seconds = rng.randrange(86400)
        stamp = f"{day.isoformat()}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}+00:00"
        order_id = f"11{self.serial % 4 + 1}-{self.serial * 7919 % 10**7:07d}-{rng.randrange(10**7):07d}"
        state = rng.choices(c.STATES, cum_weights=self.state_weights)[0][0]
        service = rng.choices(("Standard", "Expedited", "SecondDay"), (80, 15, 5))[0]
        order = Order(order_id, day, stamp, lines, self._status(first, day), state, service)
        self.out.order(order.order_id, stamp, order.status, first.channel, lines, state, service)
        if order.status == "Shipped":
            self.events(order)

    def _status(self, product: c.Product, day: dt.date) -> str:
        roll = self.rng.random()
        if product.channel == "Amazon":
            return "Cancelled" if roll < 0.004 else "Shipped"
        if roll < 0.008:
            return "Cancelled"
        if day >= c.END - ONE_DAY:
            return "Unshipped" if roll < 0.5 else "Pending"
        return "Shipped"

    def events(self, order: Order) -> None:
        closure = order.mfn and c.CLOSURE[0] <= order.day <= c.CLOSURE[1]
        if closure:
            self.tally.counts["closure_orders"] += 1
        late_delivery = self.shipping(order, closure) if order.mfn else False
        self.feedback(order, closure, late_delivery)
        self.claims(order, closure)
        for product, qty in order.lines:
            self.returns(order, product, qty)

    def shipping(self, order: Order, closure: bool) -> bool:
        """Late shipment, valid tracking and delivery rows for a seller-fulfilled order; True if late."""
        rng = self.rng
        expected = order.day + 2 * ONE_DAY
        if closure:
            shipped = rng.choice(c.REOPEN_SHIP_DAYS)
        else:
            shipped = order.day + rng.choice((0, 1, 1, 2)) * ONE_DAY
            if rng.random() < 0.012:
                shipped = expected + rng.choice((1, 2)) * ONE_DAY
            if c.CLOSURE[0] <= shipped <= c.CLOSURE[1]:  # nobody ships while the warehouse is closed
                shipped = c.REOPEN_SHIP_DAYS[0]
        if shipped > c.END:
            return False
        carrier = rng.choices(c.CARRIERS, cum_weights=self.carrier_weights)[0][0]
        untracked = rng.random() < (0.9 if carrier == c.UNTRACKED else 0.005)
        promised = order.day + 7 * ONE_DAY
        transit = {"UPS": (2, 5), "USPS": (2, 5), c.UNTRACKED: (4, 10)}[carrier]
        delivered = shipped + rng.randint(*transit) * ONE_DAY
        self.out.late_shipment(order.order_id, order.day, expected, shipped, carrier, order.service)
        self.out.tracking(order.order_id, carrier, promised, order.service, untracked, order.lines[0][0])
        self.tally.counts[f"packages_{carrier}"] += 1
        self.tally.counts[f"untracked_{carrier}"] += untracked
        units = sum(q for _, q in order.lines)
        if not untracked and delivered <= c.END:
            self.out.delivery(order.order_id, promised, delivered, units, carrier, order.state)
        return delivered > promised

    def feedback(self, order: Order, closure: bool, late: bool) -> None:
        rng = self.rng
        roll = rng.random()
        when = order.day + rng.randint(8, 20) * ONE_DAY
        if when > c.END:
            return
        if closure and roll < 0.4:
            self.out.feedback(when, rng.choice((1, 1, 2)), rng.choice(c.LATE_COMMENTS), order.order_id)
            self.tally.counts["closure_negative_feedback"] += 1
        elif late and roll < 0.03:
            self.out.feedback(when, 2, rng.choice(c.LATE_COMMENTS), order.order_id)
        elif roll < 0.004:
            self.out.feedback(when, rng.choice((1, 2)), rng.choice(c.OTHER_COMMENTS), order.order_id)
        elif roll < 0.008:
            self.out.feedback(when, 3, rng.choice(c.NEUTRAL_COMMENTS), order.order_id)

    def claims(self, order: Order, closure: bool) -> None:
        rng = self.rng
        when = order.day + rng.randint(10, 30) * ONE_DAY
        if when > c.END:
            return
        amount = sum(p.price * q for p, q in order.lines)
        status = rng.choices(("granted", "closed-refunded", "under-review", "open", "denied", "withdrawn"),
                             (40, 20, 15, 10, 10, 5))[0]  # fmt: skip
        roll = rng.random()
        if closure and roll < 0.22:
            self.out.claim(order.order_id, "a-to-z", when, status, "Item not received", amount)
            self.tally.counts["closure_claims"] += 1
        elif roll < 0.0015:
            reason = rng.choice(("Item not received", "Item not as described"))
            self.out.claim(order.order_id, "a-to-z", when, status, reason, amount)
        elif roll < 0.002:
            self.out.claim(order.order_id, "chargeback", when, status, "Merchandise not received", amount)

    def returns(self, order: Order, product: c.Product, qty: int) -> None:
        rng = self.rng
        if rng.random() >= product.return_rate:
            return
        when = order.day + rng.randint(6, 25) * ONE_DAY
        if when > c.END:
            return
        if product.sku == c.SIZE_SKU and rng.random() < 0.85:
            reason = "APPAREL_TOO_SMALL"
            self.tally.counts["size_returns"] += qty
        else:
            reason = rng.choices(c.RETURN_REASONS, cum_weights=self.reason_weights)[0][0]
        self.out.ret(order.mfn, order.order_id, order.day, when, product, qty, reason)


def generate(folder: Path, orders: int, seed: int) -> tuple[list[Path], Tally]:
    """Write every download into ``folder``; the paths written and the tally of planted problems."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / name for name in FILES]
    with ExitStack() as stack:
        handles: list[IO[str]] = [
            stack.enter_context(p.open("w", encoding="utf-8", newline="")) for p in paths
        ]
        writers = Writers(dict(zip(FILES, handles, strict=True)))
        tally = Generator(seed, orders, writers).run()
    return paths, tally
