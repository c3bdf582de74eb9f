"""Shared by the loader tests: a minimal valid brief's text and the errors a text gives."""

from __future__ import annotations

import pytest

from briefing_tui.loader import BriefError, BriefInvalid, parse_brief

# A valid brief of eight lines; tests append to it or replace one of its lines.
MINIMAL = """\
brief: 1
title: Harbour talks
date: 2024-03-05
summary: The port and the city met.
agreements: []
quotes: []
analysis: []
questions: []
"""


def errors(text: str) -> list[BriefError]:
    """The errors reported for a brief's text (which must be invalid)."""
    with pytest.raises(BriefInvalid) as caught:
        parse_brief(text.encode(), name="b.yaml")
    return caught.value.errors


def only_error(text: str) -> tuple[int | None, int | None, str | None, str]:
    """The single error of a brief, as (line, col, path, message)."""
    found = errors(text)
    assert len(found) == 1, [str(e) for e in found]
    error = found[0]
    return error.line, error.col, error.path, error.message
