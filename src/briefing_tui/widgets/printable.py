"""Text from a brief made safe to print: control characters shown as symbols, never sent raw."""

from __future__ import annotations

# One character for one, so offsets (search highlights) into the original text stay valid.
_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(32)}
_CONTROL_PICTURES[0x7F] = "\u2421"
_CONTROL_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_CONTROL_PICTURES[ord("\t")] = " "
_CONTROL_PICTURES[ord("\r")] = " "

_MULTI_LINE = str.maketrans({**_CONTROL_PICTURES, ord("\n"): "\n"})
_ONE_LINE = str.maketrans({**_CONTROL_PICTURES, ord("\n"): " "})


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with control characters (escape, bell, C1...) replaced by visible symbols.

    Tabs and carriage returns become spaces; newlines are kept, or become spaces with
    `one_line`. The result has exactly as many characters as `text`.
    """
    return text.translate(_ONE_LINE if one_line else _MULTI_LINE)
