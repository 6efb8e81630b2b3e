"""Every command of the CLI against every kind of bad input: exit code, traceback, time, peak memory.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/bad_input_matrix.py                  # the whole matrix, about 5 minutes
    .venv/bin/python benchmarks/bad_input_matrix.py --huge-mb 10 --only analyze,notice
    .venv/bin/python benchmarks/bad_input_matrix.py --json matrix.json

The inputs are written into a temporary folder by this script (nothing is downloaded): an empty
file, random bytes, a huge All Orders report (``--huge-mb``), a gzip that inflates to 1 GB, a report in mixed legacy encodings, a
PDF, a zip, an old .xls, a CSV with missing columns, a YAML alias bomb, deeply nested YAML, a FIFO
nobody writes to, /dev/zero, a folder, a case file naming files outside its folder, a report with a
million fields on one line, and a path that does not exist. Each cell runs ``python -m reinstate``
in its own process group with a timeout (``--timeout``, 30 s); a cell past it is killed and counted
as a hang. Peak memory is the cell's max RSS from ``wait4`` (the process and the children it
waited for). ``serve`` is started on the input as its SQLite database and counts as passed when it
either refuses with an error or answers on its port (it is then stopped).

Every cell must end with exit code 0, 1 or 2, no "Traceback" on stderr, within the timeout and
under 1 GB; the script exits with 1 when one does not, and lists it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import socket
import sys
import tempfile
import time
import zipfile
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURE = ROOT / "tests" / "fixtures" / "reports" / "basic" / "all-orders.txt"
SAMPLE_CASE = ROOT / "src" / "reinstate" / "samples" / "holiday-odr"
GB = 1024 * 1024 * 1024

INPUTS = (
    "empty",
    "binary",
    "huge",
    "gzip-bomb",
    "encoding",
    "pdf",
    "zip",
    "xls",
    "csv-missing",
    "alias-bomb",
    "deep-yaml",
    "fifo",
    "dev-zero",
    "folder",
    "outside",
    "million-fields",
    "missing",
)
# A command line with INPUT where the bad input goes; CASE, LETTER and OUT are good files or fresh paths.
COMMANDS: dict[str, list[str]] = {
    "notice": ["notice", "INPUT"],
    "reply": ["reply", "INPUT"],
    "analyze": ["analyze", "INPUT"],
    "draft": ["draft", "INPUT"],
    "draft --notice": ["draft", "CASE", "--notice", "INPUT"],
    "draft --reports": ["draft", "CASE", "--reports", "INPUT"],
    "draft --reply": ["draft", "CASE", "--reply", "INPUT"],
    "draft -o": ["draft", "CASE", "-o", "INPUT"],
    "draft --documents": ["draft", "CASE", "--documents", "INPUT"],
    "documents": ["documents", "INPUT"],
    "documents --case": ["documents", "LETTER", "--case", "INPUT"],
    "paths": ["paths", "INPUT"],
    "paths --notice": ["paths", "--notice", "INPUT"],
    "review": ["review", "INPUT"],
    "review --notice": ["review", "LETTER", "--notice", "INPUT"],
    "reasons": ["reasons", "INPUT"],
    "init --notice": ["init", "OUT", "--notice", "INPUT"],
    "init": ["init", "INPUT"],
    "sample-data": ["sample-data", "INPUT", "--orders", "10"],
    "demo": ["demo", "INPUT"],
    "serve --db": ["serve", "--db", "sqlite:///INPUT", "--port", "PORT"],
}


@dataclass
class Cell:
    command: str
    input: str
    exit_code: int | None  # None: killed at the timeout
    traceback: bool
    seconds: float
    peak_mb: float
    message: str  # the first line of stderr
    served: bool = False  # serve answered on its port (and was stopped)

    @property
    def hang(self) -> bool:
        return self.exit_code is None and not self.served

    @property
    def bad(self) -> bool:
        return (
            self.traceback
            or self.hang
            or self.peak_mb * 1024 * 1024 > GB
            or self.exit_code not in (0, 1, 2, None)
        )


def make_large(shared: Path, huge_mb: int) -> None:
    """The two large inputs: an All Orders report of ``huge_mb`` and a gzip that inflates to 1 GB."""
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    with (shared / "huge-orders.txt").open("w", encoding="utf-8") as out:
        out.write(header + "\n")
        written, number = 0, 0
        while written < huge_mb * 1024 * 1024:
            number += 1
            fields = rows[number % len(rows)].split("\t")
            fields[0] = f"111-{number:07d}-{number % 9999999:07d}"
            written += out.write("\t".join(fields) + "\n")
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip
    block = ("\t".join(["0"] * len(header.split("\t"))) + "\n").encode() * 16384
    with (shared / "bomb-orders.txt.gz").open("wb") as out:
        out.write(packer.compress((header + "\n").encode()))
        for _ in range(GB // len(block)):
            out.write(packer.compress(block))
        out.write(packer.flush())


def make_inputs(folder: Path, shared: Path) -> dict[str, Path]:
    """Write every bad input into ``folder``; the name of each kind and its path."""
    rng = random.Random(13)
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    paths: dict[str, Path] = {}

    paths["empty"] = folder / "empty.txt"
    paths["empty"].write_bytes(b"")
    paths["binary"] = folder / "binary.txt"
    paths["binary"].write_bytes(rng.randbytes(1024 * 1024))

    for name in ("huge-orders.txt", "bomb-orders.txt.gz"):  # large: written once, linked into each folder
        paths["huge" if name.startswith("huge") else "gzip-bomb"] = folder / name
        os.link(shared / name, folder / name)

    paths["encoding"] = folder / "mixed-encoding.txt"  # UTF-8, cp1252 and GBK lines, and broken bytes
    body = [header.encode()] + [r.encode() for r in rows[:5]]
    body += [
        rows[5].replace("Pro", "Caf\u00e9").encode("cp1252"),
        "订单 商品".encode("gbk") + b"\t\xff\xfe\x80",
    ]
    paths["encoding"].write_bytes(b"\n".join(body) + b"\n")

    paths["pdf"] = folder / "statement.pdf"
    paths["pdf"].write_bytes(
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    paths["zip"] = folder / "reports.zip"
    with zipfile.ZipFile(paths["zip"], "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("orders.txt", FIXTURE.read_text(encoding="utf-8"))
    paths["xls"] = folder / "orders.xls"
    paths["xls"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(4096))
    paths["csv-missing"] = folder / "orders.csv"
    paths["csv-missing"].write_text("order-id,purchase-date\n111-1-1,2026-11-01\n111-1-2,2026-11-02\n")

    bomb = ["version: 1", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    paths["alias-bomb"] = folder / "bomb.yaml"
    paths["alias-bomb"].write_text("\n".join(bomb) + "\n", encoding="utf-8")
    paths["deep-yaml"] = folder / "deep.yaml"
    paths["deep-yaml"].write_text("version: 1\nfacts: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")

    paths["fifo"] = folder / "pipe.txt"
    os.mkfifo(paths["fifo"])
    paths["dev-zero"] = Path("/dev/zero")
    paths["folder"] = folder / "folder"
    (paths["folder"] / "inner").mkdir(parents=True)
    shutil.copy(paths["csv-missing"], paths["folder"] / "orders.csv")

    secret = folder / "secret"
    secret.mkdir()
    (secret / "notice.txt").write_text((SAMPLE_CASE / "notice.txt").read_text(encoding="utf-8"))
    shutil.copy(FIXTURE, secret / "orders.txt")
    case = folder / "case"
    case.mkdir()
    text = (SAMPLE_CASE / "case.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "notice: notice.txt", "notice: ../secret/notice.txt\nreports: [/etc/passwd, ../secret/orders.txt]"
    )
    paths["outside"] = case / "case.yaml"
    paths["outside"].write_text(text, encoding="utf-8")

    paths["million-fields"] = folder / "wide-orders.txt"
    paths["million-fields"].write_text(
        "\n".join([header, *rows[:3], "\t".join(["x"] * 1_000_000), *rows[3:6]]) + "\n", encoding="utf-8"
    )
    return paths


def good_files(folder: Path) -> dict[str, Path]:
    """The good case (with its notice) and a letter, for the cells that put the bad input beside them."""
    case = folder / "good-case"
    shutil.copytree(SAMPLE_CASE, case)
    letter = folder / "letter.txt"
    letter.write_text(
        "Dear Seller Performance Team,\n\nRoot cause: our warehouse was closed from 1 to 8 October 2026 and "
        "96 orders shipped late.\n\nCorrective actions: on 10 October 2026 we refunded all 11 buyers.\n\n"
        "Preventive measures: our operations manager sets holiday mode before every closure, checked weekly.\n",
        encoding="utf-8",
    )
    return {"CASE": case / "case.yaml", "LETTER": letter}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def run_cell(argv: list[str], timeout: float, env: dict[str, str], workdir: Path, port: int | None) -> Cell:
    """Run one command line; its exit code, time and peak memory (the cell's names are filled by the caller)."""
    out, err = workdir / "stdout", workdir / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        started = time.monotonic()
        pid = os.posix_spawn(
            argv[0], argv, env,
            file_actions=[(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
                          (os.POSIX_SPAWN_DUP2, stdout.fileno(), 1), (os.POSIX_SPAWN_DUP2, stderr.fileno(), 2)],
            setsid=True,
        )  # fmt: skip
        served = False
        status, usage = 0, None
        while True:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                break
            elapsed = time.monotonic() - started
            if port is not None and not served and answers(port):
                served = True
                os.killpg(pid, signal.SIGTERM)  # it works: stop it the way Ctrl+C would
            if elapsed > timeout:
                os.killpg(pid, signal.SIGKILL)
                _, status, usage = os.wait4(pid, 0)
                break
            time.sleep(0.02)
        seconds = time.monotonic() - started
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)  # anything the command left running in its group
    text = err.read_text(encoding="utf-8", errors="replace")
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL and not served
    code = None if killed else (os.waitstatus_to_exitcode(status) if not served else 0)
    first = next((line for line in text.splitlines() if line.strip()), "")
    return Cell(
        command="",
        input="",
        exit_code=code,
        traceback="Traceback" in text,
        seconds=round(seconds, 2),
        peak_mb=round(usage.ru_maxrss / 1024, 1) if usage else 0.0,
        message=first[:300],
        served=served,
    )


def argv_for(command: str, value: Path, good: dict[str, Path], out: Path, port: int) -> list[str]:
    args = []
    for part in COMMANDS[command]:
        part = part.replace("INPUT", str(value)).replace("PORT", str(port))
        args.append(str(good[part]) if part in good else str(out) if part == "OUT" else part)
    return [sys.executable, "-m", "reinstate", *args]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds a cell may take (default 30)")
    parser.add_argument("--huge-mb", type=int, default=50, help="size of the huge report (default 50 MB)")
    parser.add_argument("--only", default="", help="commands to run, comma-separated (default: all)")
    parser.add_argument("--inputs", default="", help="inputs to use, comma-separated (default: all)")
    parser.add_argument("--json", type=Path, help="write every cell as JSON here")
    options = parser.parse_args()
    commands = [c for c in COMMANDS if not options.only or c in options.only.split(",")]
    kinds = [k for k in INPUTS if not options.inputs or k in options.inputs.split(",")]

    cells: list[Cell] = []
    with tempfile.TemporaryDirectory(prefix="reinstate-matrix-") as tmp:
        root = Path(tmp)
        env = {**os.environ, "REINSTATE_HOME": str(root / "home"), "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("PYTHONPATH", None)
        shared = root / "shared"
        shared.mkdir()
        make_large(shared, options.huge_mb)
        for number, command in enumerate(commands):
            folder = root / f"cells-{number}"  # fresh inputs for every command: some commands write
            folder.mkdir()
            paths = make_inputs(folder, shared)
            good = good_files(folder)
            for kind in kinds:
                value = paths.get(kind, folder / "missing" / f"{number}-nothing.txt")
                port = free_port()
                out = folder / f"out-{kind}.yaml"
                argv = argv_for(command, value, good, out, port)
                cell = run_cell(
                    argv, options.timeout, env, root, port if command.startswith("serve") else None
                )
                cell.command, cell.input = command, kind
                cells.append(cell)
                flag = (
                    "  <-- " + ("traceback" if cell.traceback else "hang" if cell.hang else "bad")
                    if cell.bad
                    else ""
                )
                print(
                    f"{command:16} {kind:15} exit {cell.exit_code!s:4} {cell.seconds:6.2f} s "
                    f"{cell.peak_mb:7.1f} MB{' served' if cell.served else ''}{flag}  {cell.message[:90]}",
                    flush=True,
                )
            shutil.rmtree(folder, ignore_errors=True)
    report(cells, commands, kinds)
    if options.json:
        options.json.write_text(json.dumps([asdict(c) for c in cells], indent=1, ensure_ascii=False))
    return 1 if any(c.bad for c in cells) else 0


def report(cells: list[Cell], commands: list[str], kinds: list[str]) -> None:
    """The matrix of exit codes (S: served, T: traceback, H: hang, M: over 1 GB) and the totals."""
    by = {(c.command, c.input): c for c in cells}
    print("\n| input | " + " | ".join(commands) + " |")
    print("|---|" + "---|" * len(commands))
    for kind in kinds:
        row = []
        for command in commands:
            cell = by[(command, kind)]
            mark = "S" if cell.served else "H" if cell.hang else str(cell.exit_code)
            mark += "T" if cell.traceback else ""
            mark += "M" if cell.peak_mb * 1024 * 1024 > GB else ""
            row.append(mark)
        print(f"| {kind} | " + " | ".join(row) + " |")
    slowest = max(cells, key=lambda c: c.seconds)
    biggest = max(cells, key=lambda c: c.peak_mb)
    print(
        f"\n{len(cells)} cells: {sum(c.traceback for c in cells)} tracebacks, {sum(c.hang for c in cells)} hangs, "
        f"{sum(c.peak_mb * 1024 * 1024 > GB for c in cells)} over 1 GB, "
        f"{sum(c.exit_code not in (0, 1, 2, None) for c in cells)} other exit codes; "
        f"slowest {slowest.seconds:.2f} s ({slowest.command} × {slowest.input}), "
        f"largest {biggest.peak_mb:.0f} MB ({biggest.command} × {biggest.input}); "
        f"total {sum(c.seconds for c in cells):.0f} s."
    )
    for cell in cells:
        if cell.bad:
            print(
                f"  {cell.command} × {cell.input}: exit {cell.exit_code}, {cell.seconds} s, {cell.peak_mb} MB: {cell.message}"
            )


if __name__ == "__main__":
    sys.exit(main())
