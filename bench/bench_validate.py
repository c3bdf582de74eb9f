"""How long validation takes on the worst briefs we can build, against PyYAML's C parser.

Usage: ``python bench/bench_validate.py [--scale F]``. Each case is a brief under the size limit
built to make one part of the loader work hardest: many mistakes of one kind (unknown keys,
broken references, wrong types), huge YAML 1.1 numbers, many ids. For each it prints the time of
``parse_brief`` (which reports the errors), the floor (PyYAML's C parser on the same
text, where it parses at all), and their ratio. The budget is 2 s for any brief; the script exits
1 when a case is over it.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing_tui.loader import MAX_BRIEF_BYTES, BriefInvalid, parse_brief

HEAD = "brief: 1\ntitle: T\ndate: 2024-01-01\nsummary: S\n"
EMPTY = "agreements: []\nquotes: []\nanalysis: []\nquestions: []\n"
BUDGET_S = 2.0


def unknown_keys(n: int) -> str:
    keys = "".join(f"  titel{i}: x\n" for i in range(n))
    return HEAD + EMPTY + f"source:\n{keys}"


def broken_related(n: int) -> str:
    people = "".join(f"- {{id: person-{i:06d}, name: P}}\n" for i in range(n))
    refs = ", ".join(f"persn-{i:06d}" for i in range(n))
    agreement = f"- {{title: A, summary: S, related: [{refs}]}}\n"
    return (
        HEAD + f"people:\n{people}agreements:\n{agreement}quotes: []\nanalysis: []\nquestions: []\n"
    )


def wrong_types(n: int) -> str:
    items = "".join("- {title: [x], summary: 1}\n" for _ in range(n))
    return HEAD + f"agreements:\n{items}quotes: []\nanalysis: []\nquestions: []\n"


def base60(groups: int) -> str:
    return "brief: 1\ntitle: 1" + ":59" * groups + "\n"


def base60_version(groups: int) -> str:
    return "brief: 1" + ":59" * groups + "\ntitle: T\n"


def long_hex(digits: int) -> str:
    return HEAD.replace("title: T", "title: 0x" + "f" * digits)


def many_ids(n: int) -> str:
    items = "".join(
        f"- {{id: ag-{i}, title: A, summary: S, related: [ag-{n - 1 - i}]}}\n" for i in range(n)
    )
    return HEAD + f"agreements:\n{items}quotes: []\nanalysis: []\nquestions: []\n"


def duplicate_ids(n: int) -> str:
    items = "".join("- {id: same, title: A, summary: S}\n" for _ in range(n))
    return HEAD + f"agreements:\n{items}quotes: []\nanalysis: []\nquestions: []\n"


# Each as large as the limits allow: MAX_VALUES (nodes, keys included) or MAX_BRIEF_BYTES.
def one_list(n: int) -> str:
    tags = ",".join("t" for _ in range(n))
    return HEAD + f"agreements:\n- {{title: A, summary: S, tags: [{tags}]}}\n" + EMPTY[15:]


CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "190,000 unknown keys": (unknown_keys, 190_000),
    "64,000 broken related ids": (broken_related, 64_000),
    "64,000 records of wrong types": (wrong_types, 64_000),
    "base-60 title, 2.7M groups": (base60, 2_700_000),
    "base-60 version, 2.7M groups": (base60_version, 2_700_000),
    "hex title, 8M digits": (long_hex, 8_000_000),
    "39,000 ids and references": (many_ids, 39_000),
    "56,000 duplicate ids": (duplicate_ids, 56_000),
    "390,000 values in one list": (one_list, 390_000),
}


def _events(text: str) -> None:
    """The floor: libyaml's C parser reading every event, building nothing."""
    parser = yaml.CSafeLoader(text)
    try:
        while parser.check_event():
            parser.get_event()
    finally:
        parser.dispose()


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    with contextlib.suppress(BriefInvalid, yaml.YAMLError):
        run()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Build, time and print each case; exit status 1 when one is over the budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every case's size")
    args = parser.parse_args(argv)
    over = 0
    for label, (build, size) in CASES.items():
        text = build(max(1, int(size * args.scale)))
        data = text.encode()
        assert len(data) <= MAX_BRIEF_BYTES, (label, len(data))
        ours = timed(functools.partial(parse_brief, data, name="b.yaml"))
        floor = timed(functools.partial(_events, text))
        flag = "  OVER BUDGET" if ours > BUDGET_S else ""
        print(
            f"{label:30} {len(data) / 1e6:6.1f} MB  parse_brief {ours:7.2f} s"
            f"  floor {floor:6.2f} s  ratio {ours / max(floor, 1e-3):5.1f}{flag}"
        )
        over += ours > BUDGET_S
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
