"""Shared by the library tests: small valid briefs written into a folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def brief_text(
    title: str,
    date: str,
    *,
    location: str | None = None,
    people: Sequence[tuple[str, str, str | None]] = (),
    quotes: Sequence[tuple[str, str]] = (),
    agreements: Sequence[str] = (),
) -> str:
    """A valid brief: ``people`` as (id, name, role), ``quotes`` as (speaker id, text),
    ``agreements`` as titles (each with the summary "About TITLE.")."""
    lines = [
        "brief: 1",
        f"title: {title}",
        f"date: {date}",
        *([f"location: {location}"] if location else []),
        "summary: A meeting.",
    ]
    lines.append("people:" if people else "people: []")
    for person_id, name, role in people:
        lines += [f"  - id: {person_id}", f'    name: "{name}"']
        lines += [f"    role: {role}"] if role else []
    lines.append("agreements:" if agreements else "agreements: []")
    for agreement in agreements:
        lines += [f"  - title: {agreement}", f"    summary: About {agreement}."]
    lines.append("quotes:" if quotes else "quotes: []")
    for speaker, text in quotes:
        lines += [f"  - speaker: {speaker}", f'    text: "{text}"']
    lines += ["analysis: []", "questions: []"]
    return "\n".join(lines) + "\n"


def write(folder: Path, name: str, text: str) -> Path:
    """``text`` written to ``folder/name`` (folders made as needed); the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
