"""Where a value stands in a brief's YAML text: JSON paths to 1-based line and column.

The paths are the ones error lines use: ``$.quotes[3].text`` (a value), ``$.quotes[3]`` (an
item), ``$.source["odd key"]``, ``$`` (the document). An item's position is where its mapping
starts: the first key after the ``- `` of the list entry, the line an editor should open at.
Built on yamlnodes' tree of the C parser's events, so it sees exactly what the loader sees.
"""

from __future__ import annotations

import json
import re

from briefing_tui.yamlnodes import MAPPING, SEQUENCE, Node, YamlProblem, build_tree

Step = str | int
"""One step of a path: a key of a mapping, or an index into a list."""

_STEP = re.compile(r'\.([A-Za-z_][\w-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


class PathError(ValueError):
    """A path is not written ``$`` followed by ``.key``, ``[index]`` or ``["key"]`` steps."""


def parse_path(path: str) -> tuple[Step, ...]:
    """The steps of a JSON path: ``$.quotes[3].text`` -> ``("quotes", 3, "text")``.

    Raises PathError for anything else.
    """
    if not path.startswith("$"):
        raise PathError(f"a path starts with $: {path!r}")
    steps: list[Step] = []
    at = 1
    while at < len(path):
        match = _STEP.match(path, at)
        if match is None:
            raise PathError(f"cannot read the path {path!r} at character {at + 1}")
        name, index, quoted_key = match.groups()
        if name is not None:
            steps.append(name)
        elif index is not None:
            steps.append(int(index))
        else:
            steps.append(str(json.loads(quoted_key)))
        at = match.end()
    return tuple(steps)


def node_at(root: Node, steps: tuple[Step, ...]) -> Node | None:
    """The node the steps lead to from `root`, or None where the tree has no such key or index.

    When a key appears twice in a mapping, the last one counts, as it does for YAML loaders.
    """
    node = root
    for step in steps:
        kind, value = node[0], node[1]
        if isinstance(step, int) and kind == SEQUENCE and isinstance(value, list):
            if step >= len(value):
                return None
            node = value[step]
        elif isinstance(step, str) and kind == MAPPING and isinstance(value, list):
            found = _value_of(value, step)
            if found is None:
                return None
            node = found
        else:
            return None
    return node


def _value_of(pairs: list[Node], key: str) -> Node | None:
    for index in range(len(pairs) - 2, -1, -2):
        key_node = pairs[index]
        if key_node[0] not in (MAPPING, SEQUENCE) and key_node[1] == key:
            return pairs[index + 1]
    return None


class Positions:
    """The positions of every value of one brief's YAML text, looked up by JSON path."""

    def __init__(self, root: Node) -> None:
        self.root = root

    @classmethod
    def of_text(cls, text: str) -> Positions | None:
        """The positions in `text`, or None when it is not one YAML document."""
        try:
            return cls(build_tree(text))
        except YamlProblem:
            return None

    def line_col(self, path: str | tuple[Step, ...]) -> tuple[int, int] | None:
        """1-based (line, column) where the value or item at `path` starts, or None if absent.

        A block scalar (``>-``, ``|-``) starts at its indicator, on the line of its key.
        """
        steps = parse_path(path) if isinstance(path, str) else path
        node = node_at(self.root, steps)
        if node is None:
            return None
        return node[2] + 1, node[3] + 1
