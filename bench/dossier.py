"""A large, valid, deterministic brief for benchmarks: ``make_dossier(10_000)`` is about 3.7 MB.

Usage: ``python bench/dossier.py 10000 OUT.yaml [--force]`` writes one (never over an existing
file unless --force). The text is varied multi-word English with some non-ASCII (é, ü, 日本) and
recurring words such as "hydrogen", so search benchmarks match realistic numbers of items.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import textwrap
from pathlib import Path

SHARES = (("agreements", 0.3), ("quotes", 0.3), ("analysis", 0.2), ("questions", 0.2))
ID_PREFIXES = {"agreements": "ag", "quotes": "qu", "analysis": "an", "questions": "qn"}


def _choices(words: str) -> tuple[str, ...]:
    """A vocabulary written as one "a|b|c" string."""
    return tuple(words.split("|"))


ADJECTIVES = _choices(
    "joint|strategic|digital|maritime|regional|green|secure|resilient|bilateral|"
    "long-term|economic|scientific|critical|sustainable|open|renewable|industrial|fair|"
    "transparent|ambitious|naïve|coordinated"
)
NOUNS = _choices(
    "partnership|supply chain|investment|research programme|data flow|hydrogen corridor|"
    "semiconductor plant|trade agreement|security dialogue|energy transition|"
    "raw materials deal|climate fund|export control|standard|satellite network|"
    "port authority|customs union|régime|pilot project|shipping lane|battery factory|"
    "grid connection|cyber defence|fisheries pact"
)
VERBS = _choices(
    "strengthens|secures|expands|funds|links|protects|accelerates|reviews|simplifies|"
    "monitors|commits to|prepares|extends|doubles"
)
PLACES = _choices(
    "Brussels|Tokyo|Osaka|Rotterdam|München|Zürich|Lyon|Kyūshū|日本|Hokkaidō|the Baltic|"
    "the Indo-Pacific|Kraków|Sevilla|Marseille"
)
PEOPLE = _choices(
    "Akiko|Bruno|Céline|Dario|Eleni|Fumio|Greta|Haruto|Inès|Jonas|Keiko|Lukas|Marta|Nils|"
    "Olga|Pieter|Renée|Sakura|Tomás|Ursula"
)
SURNAMES = _choices(
    "Tanaka|Müller|Dubois|Rossi|Novak|Sato|Jansen|García|Kowalski|Nakamura|Lefèvre|"
    "Andersen|Popescu|Yamamoto|Horváth|Silva|Ito"
)
ROLES = _choices(
    "Minister for Trade|Commissioner for Energy|Ambassador|Chief Negotiator|"
    "Professor of Economics|Senior Fellow|Director of Research|Spokesperson"
)
TAGS = _choices(
    "hydrogen|trade|security|climate|digital|energy|research|defence|semiconductors|"
    "raw-materials|shipping|finance|health|space|日本"
)
QUESTION_STARTS = ("Who will pay for", "When will", "How will", "Can", "Will", "Why did")


def _words(rng: random.Random, count: int) -> str:
    """About ``count`` words of plain prose: sentences of subject, verb, object and place."""
    sentences = []
    total = 0
    while total < count:
        sentence = (
            f"The {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(VERBS)}"
            f" the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} in {rng.choice(PLACES)}"
        )
        if rng.random() < 0.4:
            sentence += f", with {rng.choice(NOUNS)} from {rng.choice(PLACES)}"
        sentences.append(sentence + ".")
        total += len(sentence.split())
    return " ".join(sentences)


def _title(rng: random.Random) -> str:
    adjective, noun = rng.choice(ADJECTIVES), rng.choice(NOUNS)
    return f"{adjective.capitalize()} {noun} for {rng.choice(PLACES)}"


def _folded(key: str, text: str, indent: str) -> list[str]:
    """A folded block scalar, the way people write long texts in a brief."""
    lines = textwrap.wrap(text, 90)
    return [f"{indent}{key}: >-", *(f"{indent}  {line}" for line in lines)]


def _list(key: str, values: list[str], indent: str) -> list[str]:
    return [f"{indent}{key}: [{', '.join(values)}]"] if values else []


def make_dossier(items: int = 10_000, seed: int = 0) -> str:
    """YAML text of a valid brief with ``items`` items spread over the four sections."""
    rng = random.Random(seed)
    people = [f"p{n:03d}" for n in range(max(2, items // 50))]
    counts = [int(items * share) for _, share in SHARES]
    counts[0] += items - sum(counts)
    out = [
        "brief: 1",
        "title: A dossier of EU–Japan cooperation, hydrogen to semiconductors",
        "date: 2023-07-13",
        "location: Brussels",
        *_folded("summary", _words(rng, 80), ""),
        "source:",
        "  title: Collected reports on the partnership",
        "  publisher: Dossier Press",
        "  url: https://example.org/dossier",
        "  published: 2023-07-14",
        "people:",
    ]
    for number, person in enumerate(people):
        name = f"{PEOPLE[number % len(PEOPLE)]} {rng.choice(SURNAMES)}"
        out += [f"  - id: {person}", f"    name: {name}", f"    role: {rng.choice(ROLES)}"]
    ids: list[str] = []
    for (section, _), count in zip(SHARES, counts, strict=True):
        out.append(f"{section}:" if count else f"{section}: []")
        for number in range(count):
            item_id = f"{ID_PREFIXES[section]}{number:05d}"
            tags = rng.sample(TAGS, rng.randint(1, 3))
            related = rng.sample(ids[-200:], min(len(ids), rng.randint(0, 2)))
            out.append(f"  - id: {item_id}")
            out += _item(rng, section, people, "    ")
            out += _list("tags", tags, "    ") + _list("related", related, "    ")
            ids.append(item_id)
    return "\n".join(out) + "\n"


def _item(rng: random.Random, section: str, people: list[str], indent: str) -> list[str]:
    if section == "agreements":
        lines = [f"{indent}title: {_title(rng)}", *_folded("summary", _words(rng, 24), indent)]
        if rng.random() < 0.5:
            lines += [f"{indent}details:", f"{indent}  - {_words(rng, 8)}"]
        return lines
    if section == "quotes":
        quote = json.dumps(_words(rng, 22), ensure_ascii=False)
        return [
            f"{indent}speaker: {rng.choice(people)}",
            f"{indent}text: {quote}",
            f"{indent}context: At the press conference in {rng.choice(PLACES)}.",
        ]
    if section == "analysis":
        return [
            f"{indent}expert: {rng.choice(people)}",
            f"{indent}title: {_title(rng)}",
            *_folded("summary", _words(rng, 26), indent),
        ]
    start = rng.choice(QUESTION_STARTS)
    question = f"{start} the {rng.choice(NOUNS)} in {rng.choice(PLACES)} go ahead?"
    return [f"{indent}question: {question}", *_folded("why", _words(rng, 20), indent)]


def main(argv: list[str] | None = None) -> int:
    """Write a dossier: ``dossier.py ITEMS OUT [--force] [--seed N]``."""
    parser = argparse.ArgumentParser(description="Write a large valid brief for benchmarks.")
    parser.add_argument("items", type=int, help="how many items (e.g. 10000)")
    parser.add_argument("out", type=Path, help="the YAML file to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    args = parser.parse_args(argv)
    if args.out.exists() and not args.force:
        print(f"{args.out}: exists; pass --force to overwrite it", file=sys.stderr)
        return 1
    text = make_dossier(args.items, args.seed)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {args.items} items, {len(text.encode()):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
