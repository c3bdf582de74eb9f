"""Text made safe to print: control characters shown as symbols, never sent to the terminal raw.

Everything the program shows or prints that it did not write itself goes through here: text from
a brief, file names and paths, error reasons from the system. Pure, no Textual.
"""

from __future__ import annotations

import os
import re

# One character for one, so offsets (search highlights) into the original text stay valid.
_PICTURES = {code: chr(0x2400 + code) for code in range(32)}
_PICTURES[0x7F] = "\u2421"
_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})
# Bidirectional overrides and isolates reorder what follows them on screen; lone surrogates (a
# file name that is not UTF-8, as Python decodes it) cannot be encoded at all.
_PICTURES.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_PICTURES.update({code: "\ufffd" for code in range(0xD800, 0xE000)})
_PICTURES[ord("\t")] = " "
_PICTURES[ord("\r")] = " "

# Emoji joined into one picture (a skin tone, a family joined by ZWJ, a heart made coloured by
# VS16) are one cell pair to a terminal that knows the joining, and several to one that does
# not (tmux, VTE, xterm): the rest of the line shifts, and frames break. Their joiners become
# zero-width spaces, which every terminal and Textual measure alike: the parts show side by
# side, and the text keeps its length.
_EMOJI = "\u2190-\u2bff\U0001f000-\U0001faff"
_JOINERS = re.compile(f"[\U0001f3fb-\U0001f3ff]|(?<=[{_EMOJI}])[\u200d\ufe0f]|\u200d(?=[{_EMOJI}])")
_JOINERS_HINT = re.compile("[\u200d\ufe0f\U0001f3fb-\U0001f3ff]")

_MULTI_LINE = str.maketrans({**_PICTURES, ord("\n"): "\n", 0x2028: "\n", 0x2029: "\n"})
_ONE_LINE = str.maketrans({**_PICTURES, ord("\n"): " ", 0x2028: " ", 0x2029: " "})


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with control characters (escape, bell, C1...) replaced by visible symbols.

    Tabs and carriage returns become spaces; line breaks are kept, or become spaces with
    `one_line`. Bidirectional controls and lone surrogates become U+FFFD. Emoji joiners (skin
    tones, ZWJ and VS16 after an emoji) become zero-width spaces. The result has exactly as
    many characters as `text`.
    """
    shown = text.translate(_ONE_LINE if one_line else _MULTI_LINE)
    if _JOINERS_HINT.search(shown):
        shown = _JOINERS.sub("\u200b", shown)
    return shown


def printable_path(path: str | os.PathLike[str]) -> str:
    """A file name or path as one printable line, for any message, label or notification."""
    return printable(os.fspath(path), one_line=True)
