"""How long to_markdown takes on a 10,000-item dossier, against PyYAML's C loader parsing it.

Usage: ``python bench/bench_export.py [ITEMS] [--runs N]``. Prints the floor (median time of
``yaml.load(text, Loader=yaml.CSafeLoader)`` on the dossier's text), the median time of
``to_markdown`` on the loaded brief, and their ratio; also the size of the Markdown. The floor is
measured in the same run, so the ratio holds on any machine. The target is at most 1.5.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dossier import make_dossier
from timing import median_ms

from briefing_tui.export import to_markdown
from briefing_tui.loader import parse_brief

TARGET = 1.5


def main(argv: list[str] | None = None) -> int:
    """Measure and print; exit status 1 when the export takes over 1.5x the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("items", type=int, nargs="?", default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    text = make_dossier(args.items)
    brief = parse_brief(text.encode("utf-8"), name="dossier.yaml")
    floor = median_ms(lambda: yaml.load(text, Loader=yaml.CSafeLoader), args.runs)
    export = median_ms(lambda: to_markdown(brief), args.runs)
    markdown = to_markdown(brief)
    ratio = export / floor
    print(f"dossier: {args.items} items, {len(text.encode()) / 1e6:.1f} MB of YAML")
    print(f"floor  (yaml.load, CSafeLoader): {floor:8.1f} ms")
    print(f"export (to_markdown):            {export:8.1f} ms")
    print(
        f"  -> {len(markdown.encode()) / 1e6:.1f} MB of Markdown, {markdown.count(chr(10))} lines"
    )
    print(f"ratio: {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
