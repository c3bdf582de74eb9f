"""A brief's quotes checked against its source text: `briefing validate --source`, `source.file`.

The source is the file given on the command line or else the brief's ``source.file``, relative to
the brief's folder. Each misquote is one error line at the quote's ``text`` value, in the form of
the loader's lines; a source that cannot be read is one error line too, at ``source.file`` when
the brief names it, at the file itself when the command line does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from briefing_tui.loader import BriefError
from briefing_tui.model import Brief
from briefing_tui.positions import Positions
from briefing_tui.printable import printable_path
from briefing_tui.quotematch import check_quote
from briefing_tui.sourcetext import SourceError, SourceText, read_source


@dataclass(frozen=True, slots=True)
class SourceCheck:
    """What checking a brief's quotes found; `source` is None when it names no source."""

    source: str | None = None
    quotes: int = 0
    errors: list[BriefError] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """``5 quotes match SOURCE`` for the ok line; empty when there was nothing to check."""
        if self.source is None:
            return ""
        shown = printable_path(self.source)
        if self.quotes == 0:
            return f"no quote to check against {shown}"
        verb = "matches" if self.quotes == 1 else "match"
        noun = "quote" if self.quotes == 1 else "quotes"
        return f"{self.quotes} {noun} {verb} {shown}"


def source_path(brief: Brief, brief_path: str, source: str | None) -> str | None:
    """The path of the text to check the quotes against, as it should be shown: `source` (from
    the command line) if given, else the brief's source.file joined to the brief's folder."""
    if source is not None:
        return source
    if brief.source is None or brief.source.file is None:
        return None
    return os.path.join(os.path.dirname(brief_path), brief.source.file)


def check_sources(brief: Brief, brief_path: str, source: str | None = None) -> SourceCheck:
    """Check every quote of `brief` (read from `brief_path`) against its source.

    `source` is the source given on the command line, which overrides the brief's source.file.
    Without either there is nothing to check: an empty SourceCheck.
    """
    path = source_path(brief, brief_path, source)
    if path is None:
        return SourceCheck()
    locate = _Locator(brief_path)
    try:
        text = SourceText(read_source(path))
    except SourceError as error:
        if source is not None:  # the file named on the command line is the one at fault
            reason = f"cannot read the source: {error}"
            return SourceCheck(path, errors=[BriefError(source, None, None, None, reason)])
        reason = f"cannot read the source '{printable_path(path)}': {error}"
        return SourceCheck(path, errors=[locate.error("$.source.file", reason)])
    errors = []
    for index, quote in enumerate(brief.quotes):
        label = f"'{quote.id}'" if quote.id is not None else str(index + 1)
        try:
            misquote = check_quote(text, quote.text)
        except ValueError:
            message = f"quote {label} has no words to check against the source"
        else:
            if misquote is None:
                continue
            message = f"quote {label} {misquote}"
        errors.append(locate.error(f"$.quotes[{index}].text", message))
    return SourceCheck(path, len(brief.quotes), errors)


class _Locator:
    """Error lines located in the brief's YAML text, which is read again only when needed."""

    def __init__(self, brief_path: str) -> None:
        self.brief_path = brief_path
        self._positions: Positions | None = None
        self._read = False

    def error(self, path: str, message: str) -> BriefError:
        positions = self.positions()
        where = positions.line_col(path) if positions is not None else None
        line, col = where if where is not None else (None, None)
        return BriefError(self.brief_path, line, col, path, message)

    def positions(self) -> Positions | None:
        if not self._read:
            self._read = True
            try:
                with open(self.brief_path, "rb") as stream:
                    text = stream.read().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                return None  # changed since it was loaded: the line is then unknown
            self._positions = Positions.of_text(text)
        return self._positions
