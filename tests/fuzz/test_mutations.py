"""A mutation fuzzer over real briefs: cut, deleted, retyped, re-encoded, nested, aliased.

Seeds are the bundled brief, the test briefs and the corpus of inputs that once broke the loader
(tests/fuzz/corpus/: a hang, an internal error, a misplaced position, a wrong name, a hint that
did not help, each in small), which must each be refused with located errors themselves. Each
round applies one to three random mutations and checks the outcome (fuzzing.check). The seed of
the run is printed: FUZZ_SEED=N replays it.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

from fuzzing import Tally, check, scaled

from briefing_tui.model import Brief

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted(
    [
        ROOT / "briefs" / "eu-japan-summit-2023.yaml",
        *(ROOT / "tests" / "data").glob("*.yaml"),
        *(ROOT / "tests" / "app" / "data").glob("*.yaml"),
        *(ROOT / "tests" / "fuzz" / "corpus").glob("*.yaml"),
    ]
)
TOKENS = [
    "- ",
    ": ",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "'",
    '"',
    "#",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: ",
    "!!str ",
    "!!binary ",
    "!e!x ",
    "!<tag:x> ",
    "%TAG !e! tag:e.com,2000:\n---\n",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "|\n",
    ">-\n",
    "|+2\n",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "\\e",
    "\\u202e",
    "\\uffff",
    "\\x85",
    "\u202e",
    "é",
    "日本",
    "🎌",
    "\u0301",
    "no",
    "yes",
    "~",
    "null",
    "0755",
    "0x" + "f" * 5000,
    "1" + ":59" * 3000,
    "2024-02-30",
    "1.10",
    ".inf",
    "=",
    "id: Hydrogen Energy\n",
    "related: [x]\n",
    "speaker: Sebastian Maslow\n",
    "titel: x\n",
    "[" * 200,
    "{a: " * 100,
    "x" * 20_000,
]
TYPED = [
    "no",
    "yes",
    "1",
    "0o17",
    "1:59:59",
    "2024-13-01",
    "~",
    "[]",
    "{}",
    "[a, b]",
    "!!int 1",
    "*nowhere",
    "'unclosed",
    '"\\q"',
    "|",
    "- x",
    "a: b",
    "0x" + "9" * 6000,
]


def mutate(rng: random.Random, text: str) -> bytes:
    """One to three mutations of `text`, encoded (mostly as UTF-8)."""
    for _ in range(rng.randint(1, 3)):
        text = rng.choice(MUTATIONS)(rng, text)
    return encode(rng, text)


def truncate(rng: random.Random, text: str) -> str:
    return text[: rng.randint(0, len(text))]


def delete(rng: random.Random, text: str) -> str:
    at = rng.randint(0, len(text))
    return text[:at] + text[at + rng.choice([1, 2, 5, 40, 400]) :]


def insert(rng: random.Random, text: str) -> str:
    at = rng.randint(0, len(text))
    return text[:at] + rng.choice(TOKENS) + text[at:]


def retype(rng: random.Random, text: str) -> str:
    """A value after ': ' replaced by one YAML reads otherwise (or not at all)."""
    starts = [i + 2 for i in range(len(text) - 1) if text[i : i + 2] == ": "]
    if not starts:
        return text
    at = rng.choice(starts)
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return text[:at] + rng.choice(TYPED) + text[end:]


def line_endings(rng: random.Random, text: str) -> str:
    return text.replace("\n", rng.choice(["\r\n", "\r", "\u2028", "\n\n"]))


def alias(rng: random.Random, text: str) -> str:
    """An anchor on one value and aliases to it elsewhere (or before it, or to nothing)."""
    lines = text.split("\n")
    if len(lines) < 3:
        return text
    first, second = sorted(rng.sample(range(len(lines)), 2))
    if ": " in lines[first]:
        lines[first] = lines[first].replace(": ", ": &v ", 1)
    if ": " in lines[second]:
        head = lines[second].split(": ", 1)[0]
        lines[second] = f"{head}: *{rng.choice(['v', 'v', 'missing'])}"
    return "\n".join(lines)


def nest(rng: random.Random, text: str) -> str:
    depth = rng.choice([10, 63, 65, 70, 999, 1001])
    value = (
        "[" * depth + "x" + "]" * depth
        if rng.random() < 0.5
        else "".join("  " * level + "- \n" for level in range(depth))
    )
    return text + "\nextra:\n" + value


def long_line(rng: random.Random, text: str) -> str:
    at = rng.randint(0, len(text))
    return (
        text[:at]
        + rng.choice(["a", "a ", "1", "-", "\\"]) * rng.choice([1000, 100_000])
        + text[at:]
    )


def swap_lines(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return "\n".join(lines)


def indent(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    lines[at] = rng.choice([" ", "   ", "\t", ""]) + lines[at].lstrip(" ")
    return "\n".join(lines)


def encode(rng: random.Random, text: str) -> bytes:
    roll = rng.random()
    if roll < 0.9:
        return text.encode("utf-8", errors="surrogatepass")
    codec = rng.choice(["utf-16", "utf-32", "utf-16-be", "latin-1", "cp1252", "utf-8-sig"])
    data = text.encode(codec, errors="replace")
    return data if rng.random() < 0.7 else b"\xef\xbb\xbf" + data


MUTATIONS: list[Callable[[random.Random, str], str]] = [
    truncate,
    delete,
    insert,
    insert,
    retype,
    retype,
    line_endings,
    alias,
    nest,
    long_line,
    swap_lines,
    indent,
]


def utf8(data: bytes) -> str | None:
    """The text of a seed that is UTF-8 (the corpus holds other encodings too)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def test_every_corpus_input_is_refused_with_located_errors() -> None:
    corpus = sorted((ROOT / "tests" / "fuzz" / "corpus").iterdir())
    tally = Tally()
    for path in corpus:
        outcome = check(path.read_bytes(), tally, path.name)
        assert not isinstance(outcome, Brief), path.name
    assert tally.inputs >= 19


def test_mutated_briefs_give_a_brief_or_located_errors() -> None:
    seed = int(os.environ.get("FUZZ_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    texts = [text for path in SEEDS if (text := utf8(path.read_bytes())) is not None]
    tally = Tally()
    rounds = scaled(1500)
    for number in range(rounds):
        data = mutate(rng, rng.choice(texts))
        check(data, tally, f"FUZZ_SEED={seed}, round {number}")
    print(f"mutation fuzzing, FUZZ_SEED={seed}: {tally}")
    assert tally.valid > 0
