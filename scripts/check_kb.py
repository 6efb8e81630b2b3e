"""Check knowledge-base files one by one: ``python scripts/check_kb.py FILE...``.

For authors of data files: validates each reason or playbook file against the schema and its
own references, without needing the rest of the knowledge base to be complete.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import ValidationError

from reinstate.errors import ReinstateError
from reinstate.kb import reason_problems
from reinstate.kb.schema import DocumentCatalogue, Playbook, Reason
from reinstate.yamlio import load_located

DATA = Path(__file__).resolve().parent.parent / "src" / "reinstate" / "kb" / "data"


def check_file(path: Path) -> list[str]:
    located = load_located(path.read_text(encoding="utf-8"), path=path)
    model = Playbook if path.parent.name == "playbooks" else Reason
    try:
        item = model.model_validate(located.data)
    except ValidationError as exc:
        return [
            f"{path}:{located.line_of(tuple(e['loc']))}: {'.'.join(map(str, e['loc']))}: {e['msg']}"
            for e in exc.errors()
        ]
    if isinstance(item, Playbook):
        return []
    catalogue = DocumentCatalogue.model_validate(
        load_located((DATA / "documents.yaml").read_text(encoding="utf-8"), path="documents.yaml").data
    )
    return [f"{path}: {p}" for p in reason_problems(item, {d.id for d in catalogue.documents}, None)]


def main(argv: list[str]) -> int:
    problems: list[str] = []
    for name in argv:
        try:
            problems += check_file(Path(name))
        except ReinstateError as exc:
            problems.append(str(exc))
    for problem in problems:
        print(problem)
    print(f"{len(argv)} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
