"""How long checking a brief's quotes against its source takes, against one pass of a regex over it.

Usage: ``python bench/bench_sourcecheck.py [QUOTES] [--mb MB] [--runs N] [--summit ARTICLE]``.
Builds a source of MB megabytes (default 1) of varied prose (a Zipf-like vocabulary, curly
quotes, dashes), and a brief of QUOTES quotes (default 1,000) cut from it, re-wrapped with straight
quotes, a tenth of them with an ellipsis. Prints the floor (median of ``re.findall`` tokenizing
the source once: the least any checker must do), the median of ``check_sources`` (reading the
source, indexing it and checking every quote), the same with one quote in ten misquoted, and
their ratios to the floor. With --summit, also the bundled summit brief against that article.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_ms

from briefing_tui.loader import load_brief
from briefing_tui.sourcecheck import check_sources

ROOT = Path(__file__).resolve().parents[1]
SUMMIT = ROOT / "briefs" / "eu-japan-summit-2023.yaml"
COMMON = ["the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "with", "as", "by"]
TARGET = 5.0  # 1,000 quotes that stand in the source: at most 5 passes of a regex over it


def make_source(megabytes: float, rng: random.Random) -> str:
    """Prose of about `megabytes` MB: paragraphs of sentences over a 20,000-word vocabulary."""
    syllables = [a + b for a in "bdfgklmnprstvz" for b in ("a", "e", "i", "o", "u", "ai", "ou")]
    vocabulary = COMMON + [
        "".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(20_000)
    ]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    paragraphs, size = [], 0
    while size < megabytes * 1_000_000:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            words = rng.choices(vocabulary, weights, k=rng.randint(8, 30))
            words[0] = words[0].capitalize()
            if rng.random() < 0.3:
                words[rng.randrange(len(words))] += "’s"
            if rng.random() < 0.2:
                words.insert(rng.randrange(1, len(words)), "—")
            sentence = " ".join(words) + "."
            sentences.append(f"“{sentence}”" if rng.random() < 0.2 else sentence)
        paragraph = textwrap.fill(" ".join(sentences), 90)
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    return "\n\n".join(paragraphs) + "\n"


def make_quote(pieces: list[str], rng: random.Random, misquote: bool) -> str:
    """A passage cut from the source, straight quotes, maybe an ellipsis or a changed word."""
    start = rng.randrange(len(pieces) - 60)
    chosen = pieces[start : start + rng.randint(6, 40)]
    if len(chosen) > 12 and rng.random() < 0.1:
        cut = rng.randrange(3, len(chosen) - 6)
        chosen = [*chosen[:cut], "…", *chosen[cut + rng.randint(1, 5) :]]
    if misquote:
        chosen[rng.randrange(len(chosen))] = "Zqxjv"
    text = " ".join(chosen)
    return text.translate(str.maketrans("’‘“”", "''\"\""))


def make_brief(source_name: str, quotes: list[str]) -> str:
    lines = [
        "brief: 1",
        "title: A benchmark brief",
        "date: 2024-01-01",
        "summary: Quotes cut from a generated source.",
        f"source: {{file: {source_name}}}",
        "people: [{id: speaker, name: A Speaker}]",
        "agreements: []",
        "analysis: []",
        "questions: []",
        "quotes:",
    ]
    for text in quotes:
        lines += ["  - speaker: speaker", f"    text: {json.dumps(text, ensure_ascii=False)}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Measure and print; exit status 1 when 1,000 exact quotes take over TARGET x the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("quotes", type=int, nargs="?", default=1_000)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--summit", metavar="ARTICLE", help="the summit's source article")
    args = parser.parse_args(argv)
    rng = random.Random(0)
    text = make_source(args.mb, rng)
    pieces = text.split()
    exact = [make_quote(pieces, rng, False) for _ in range(args.quotes)]
    mixed = [make_quote(pieces, rng, n % 10 == 0) for n in range(args.quotes)]
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "source.txt").write_text(text, encoding="utf-8")
        paths = [Path(folder, name) for name in ("exact.yaml", "mixed.yaml")]
        for path, quotes in zip(paths, (exact, mixed), strict=True):
            path.write_text(make_brief("source.txt", quotes), encoding="utf-8")
        briefs = [(load_brief(path), str(path)) for path in paths]
        floor = median_ms(lambda: re.findall(r"\w+|\S", text), args.runs)
        timings = [median_ms(lambda b=b: check_sources(*b), args.runs) for b in briefs]
        errors = len(check_sources(*briefs[1]).errors)
    print(f"source: {len(text.encode()) / 1e6:.1f} MB, {len(pieces):,} words")
    print(f"floor  (re.findall over the source):        {floor:8.1f} ms")
    print(f"check  ({args.quotes:,} quotes that stand in it):     {timings[0]:8.1f} ms")
    print(f"check  (the same, {errors} of them misquoted):   {timings[1]:8.1f} ms")
    ratio, mixed_ratio = timings[0] / floor, timings[1] / floor
    print(f"ratio: {ratio:.2f} (target <= {TARGET}); with the misquotes {mixed_ratio:.2f}")
    if args.summit:
        summit = (load_brief(SUMMIT), str(SUMMIT), args.summit)
        assert not check_sources(*summit).errors
        summit_ms = median_ms(lambda: check_sources(*summit), args.runs)
        print(f"summit brief, 12 quotes against its article: {summit_ms:8.1f} ms")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
