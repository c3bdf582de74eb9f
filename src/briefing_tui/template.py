"""`briefing new PATH`: a commented brief to fill in, valid as it stands, and the schema beside it.

The brief's first line points yaml-language-server at ``brief.schema.json`` in the brief's own
folder, by a relative path: it keeps working when the folder is moved, shared or committed, and
needs no network. That file is written from the model when it is not there yet; one that is there
is never replaced (``briefing schema > brief.schema.json`` refreshes it).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
from dataclasses import dataclass
from pathlib import Path

from briefing_tui.files import TargetExists, WriteError, write_text_atomic
from briefing_tui.model import json_schema
from briefing_tui.printable import printable, printable_path

SCHEMA_NAME = "brief.schema.json"
SUFFIXES = (".yaml", ".yml")

TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# A brief distils one event into what was agreed, what was said, what experts make of it and
# what it leaves open. Replace the placeholders, delete what you do not need, and check as you
# go with:  briefing validate {name}     (read it with:  briefing {name})
#
# Everything is plain text, shown as written: no Markdown. Put a value in quotes when it holds
# ": " or " #", or when YAML would read it as something else: "no", "yes", "1.10", "12:30".

brief: 1  # the format version

title: What happened, in one line
date: {today}  # the day of the event, YYYY-MM-DD
location: Where it happened
# Under |- every line break is kept: one paragraph per line, a blank line between paragraphs.
summary: |-
  The event in a few sentences: who met, what they decided, what it changes.

  A second paragraph, if you need one.

# Where the brief comes from; leave out what you do not know. With `file` (a path relative to
# this brief), `briefing validate` checks every quote against that text, word for word.
source:
  title: Title of the report or transcript
  publisher: Who published it
  # url: https://example.org/report
  # published: {today}
  # file: source.txt

# Everyone quoted or cited. Quotes and analyses name their person by id; ids are unique in
# the whole brief, short lowercase words joined by hyphens read best.
people:
  - id: first-speaker
    name: Name of the speaker
    role: Their role, for example Mayor of Northby
  - id: first-expert
    name: Name of the expert
    role: Their role, for example Transport researcher

# What the parties agreed. An id lets any item list this one under `related`; tags are
# keywords that search finds with tag:topic.
agreements:
  - id: first-agreement
    title: The agreement in a few words
    summary: What was agreed, in your own words.
    details:
      - One specific point per entry.
    tags: [first-topic]

# Words someone said or wrote, exactly as printed, without the quotation marks.
# Write ... or … where you leave words out.
quotes:
  - id: first-quote
    speaker: first-speaker
    text: The words exactly as they were said.
    context: When, where and about what it was said.
    related: [first-agreement]

# What experts make of the event: their argument, in your own words.
analysis:
  - expert: first-expert
    title: The argument in a few words
    summary: The argument, paraphrased.
    related: [first-agreement]

# What the event leaves open. A section with nothing in it is written [].
questions:
  - question: What does the event leave open?
    why: Why it matters.
    related: [first-agreement]
"""


class NewBriefError(Exception):
    """The template cannot be written; str() is one line naming the path and why."""


def template_text(name: str, today: dt.date | None = None) -> str:
    """The commented template for a brief file called `name`, dated `today` (default: today)."""
    shown = shlex.quote(printable(name, one_line=True))
    date = (today or dt.date.today()).isoformat()
    return TEMPLATE.format(schema=SCHEMA_NAME, name=shown, today=date)


@dataclass(frozen=True, slots=True)
class NewBrief:
    """What `new_brief` wrote: the brief, and the schema when it wrote one (or why it could not)."""

    brief: Path
    schema: Path | None = None
    schema_problem: str | None = None


def new_brief(path: Path, today: dt.date | None = None) -> NewBrief:
    """Write the template at `path`, and the schema beside it if none is there.

    Never replaces a file. Raises NewBriefError (one line) for a path that is not a new .yaml
    file in an existing folder, or when the brief cannot be written.
    """
    shown = printable_path(path)
    if path.is_dir():
        example = printable_path(path / "brief.yaml")
        raise NewBriefError(f"{shown}: is a folder; name the new brief's file, such as {example}")
    if path.suffix.lower() not in SUFFIXES:
        raise NewBriefError(f"{shown}: a brief's file name ends in .yaml (or .yml)")
    folder = path.parent
    if not folder.is_dir():
        where = printable_path(folder)
        if folder.exists():
            raise NewBriefError(f"{shown}: {where} is a file, not a folder")
        raise NewBriefError(f"{shown}: the folder {where} does not exist")
    try:
        write_text_atomic(path, template_text(path.name, today))
    except TargetExists:
        raise NewBriefError(f"{shown}: the file exists; briefing new never replaces one") from None
    except WriteError as error:
        raise NewBriefError(f"{shown}: {error.reason}") from None
    schema = folder / SCHEMA_NAME
    if os.path.lexists(schema):
        return NewBrief(path)
    try:
        write_text_atomic(schema, json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    except WriteError as error:
        return NewBrief(path, schema_problem=error.reason)
    return NewBrief(path, schema)


def report_lines(result: NewBrief) -> list[str]:
    """What `briefing new` tells the user it did, and what to do next."""
    lines = [f"wrote {printable_path(result.brief)}"]
    if result.schema is not None:
        lines.append(f"wrote {printable_path(result.schema)} (the format, for your editor)")
    elif result.schema_problem is not None:
        lines.append(
            f"briefing: warning: {SCHEMA_NAME} was not written ({result.schema_problem});"
            f" `briefing schema > {SCHEMA_NAME}` writes it"
        )
    command = shlex.quote(printable_path(result.brief))
    lines.append(f"fill it in, then check it with: briefing validate {command}")
    return lines
