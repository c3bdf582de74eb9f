"""Ids and what refers to them: unique slugs, and every `related`, `speaker` and `expert` resolved.

The checker notes each id, each reference and each person's name as it walks the brief; ``check``
then reports duplicate ids, ids that are not slugs (with the slug to write, there and in every
reference to it), and references to no id (with the id meant: a close one, or the id of the person
whose name was written).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from briefing_tui.model import ID_PATTERN
from briefing_tui.recordspecs import ID, PERSON_REF, FieldSpec
from briefing_tui.suggestions import Suggester, free_slug
from briefing_tui.wording import a_noun, plain
from briefing_tui.yamlnodes import Node

if TYPE_CHECKING:
    from briefing_tui.validation import Checker

_SLUG = re.compile(ID_PATTERN)


class References:
    """The ids, references and person names of one brief, checked once the walk is done."""

    def __init__(self, checker: Checker, line_of: Callable[[int], int]) -> None:
        self.checker = checker
        self.line_of = line_of
        self.ids: list[tuple[str, Node, str, str]] = []
        self.refs: list[tuple[str, Node, str, bool]] = []
        self.names: dict[str, str] = {}  # a person's name, case-folded -> their id
        self._suggesters: dict[bool, Suggester] = {}

    def note(self, field: FieldSpec, value: Any, node: Node, path: str, noun: str) -> None:
        """A checked field value: remembered if it is an id or a person reference."""
        if field.role == ID and value is not None:
            self.ids.append((value, node, path, noun))
        elif field.role == PERSON_REF:
            self.refer(value, node, path, person_only=True)

    def refer(self, value: str, node: Node, path: str, *, person_only: bool) -> None:
        """A reference to an id (of a person only, or of a person or item)."""
        self.refs.append((value, node, path, person_only))

    def person(self, data: dict[str, Any]) -> None:
        """A valid person record: its name, for references that give a name instead of the id."""
        self.names.setdefault(str(data["name"]).casefold(), str(data["id"]))

    def check(self) -> None:
        """Report duplicate ids, ids that are not slugs, and references to no id."""
        first: dict[str, tuple[Node, str, str]] = {}  # id -> its node, noun, path
        for value, node, path, noun in self.ids:
            earlier = first.get(value)
            if earlier is not None:
                self.checker.report(node, path, self._duplicate(value, earlier[0]))
            else:
                first[value] = (node, noun, path)
        self._check_slugs(first)
        for value, node, path, person_only in self.refs:
            target = first.get(value)
            if target is None or (person_only and target[1] != "person"):
                self.checker.report(node, path, self._broken(value, target, person_only, first))

    def _duplicate(self, value: str, first: Node) -> Callable[[], str]:
        return lambda: f"duplicate id '{plain(value)}' (first at line {self.line_of(first[2])})"

    def _check_slugs(self, first: dict[str, tuple[Node, str, str]]) -> None:
        bad = [value for value in first if not _SLUG.match(value)]
        if not bad:
            return
        wanted = set(bad)
        lines: dict[str, list[int]] = {value: [] for value in bad}
        for value, node, _, _ in self.refs:
            if value in wanted:
                lines[value].append(self.line_of(node[2]))
        taken = set(first)
        for value in bad:
            node, _, path = first[value]

            def message(value: str = value) -> str:
                return _not_a_slug(value, free_slug(value, taken), lines[value], taken)

            self.checker.report(node, path, message)

    def _broken(
        self,
        value: str,
        target: tuple[Node, str, str] | None,
        person_only: bool,
        first: dict[str, tuple[Node, str, str]],
    ) -> Callable[[], str]:
        def message() -> str:
            if target is not None:
                return f"'{plain(value)}' is the id of {a_noun(target[1])}, not of a person"
            whose = "person" if person_only else "person or item"
            text = f"no {whose} has the id '{plain(value)}'"
            named = self.names.get(value.casefold())
            if named is not None:
                return f"{text} — that is the name of the person '{named}': write {named}"
            close = self._suggester(person_only, first).closest(value)
            return f"{text} — did you mean '{plain(close)}'?" if close else text

        return message

    def _suggester(self, person_only: bool, first: dict[str, tuple[Node, str, str]]) -> Suggester:
        """The did-you-mean over people's ids, or over all ids: made once, when first needed."""
        suggester = self._suggesters.get(person_only)
        if suggester is None:
            words = [
                key for key, (_, noun, _) in first.items() if not person_only or noun == "person"
            ]
            suggester = self._suggesters[person_only] = Suggester(words)
        return suggester


def _not_a_slug(value: str, slug: str, lines: list[int], taken: set[str]) -> str:
    """The message for an id that is not a slug: the slug to write, here and where it is used."""
    rule = "ids are lower-case letters, digits and hyphens"
    where = ""
    if lines:
        shown = ", ".join(str(line) for line in lines[:10]) + (", …" if len(lines) > 10 else "")
        count = f"{len(lines)} references" if len(lines) > 1 else "its reference"
        where = f" and in {count} to it (line{'s' if len(lines) > 1 else ''} {shown})"
    if not slug:
        return f"'{plain(value)}' is not an id: {rule} (such as 'grid-pact'): rename it{where}"
    taken.add(slug)
    return f"'{plain(value)}' is not an id: {rule} — write {slug}{where}"
