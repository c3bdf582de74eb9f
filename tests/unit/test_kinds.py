"""A kind of item is declared in one place (model.py): a new one is searched, exported, listed in
the palette and shown in its own pane with nothing else changed.

The test copies the package, adds a "Decision" kind to the copy's model.py the way a developer
would (its struct, its section, its field in the brief, its Kind), and drives the copy in a fresh
interpreter: loader, search, export and the reader all pick the new kind up.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import briefing_tui
from briefing_tui.model import KINDS, SECTIONS, Agreement, Analysis, Question, Quote, kind_of

PACKAGE = Path(briefing_tui.__file__).resolve().parent

DECISION = '''
class Decision(_Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Something the meeting decided."""

    title: Line
    reason: Text | None = None
    id: Id | None = None
    tags: Tags = ()
    related: Ids = ()


'''

DECISION_KIND = """    Kind(
        Decision,
        "decisions",
        headline=("title",),
        fields=("title", "reason", "tags"),
        body=(("reason", "Reason"),),
    ),
"""

BRIEF = """\
brief: 1
title: Harbour talks
date: 2024-03-05
summary: The port and the city met.
agreements:
  - {title: Shore power, summary: Ships plug in.}
quotes: []
analysis: []
questions: []
decisions:
  - title: Close the old quay
    reason: The quay is unsafe for container ships.
    tags: [safety]
    related: [quay-study]
  - {id: quay-study, title: Study a new quay}
"""

SCRIPT = """
import asyncio, sys
from briefing_tui.app import BriefingApp
from briefing_tui.export import to_markdown
from briefing_tui.loader import load_brief
from briefing_tui.model import Lookup, headline
from briefing_tui.search import SearchIndex

brief = load_brief(sys.argv[1])
lookup = Lookup(brief)
print("headline:", headline(brief.decisions[0], lookup))
result = SearchIndex(brief).search("unsafe in:dec")
print("search:", [(hit.ref.section, hit.ref.index) for hit in result.hits], result.counts)
print("tag:", [hit.ref.index for hit in SearchIndex(brief).search("tag:safety").hits])
print(to_markdown(brief, sections=["decisions"]))

async def read() -> None:
    app = BriefingApp(brief)
    async with app.run_test(size=(120, 40)) as pilot:
        print("tabs:", app.screen.query_one("PaneTabs").render().plain)
        await pilot.press("6")
        await pilot.pause()
        pane = app.screen.query_one("#decisions-pane")
        print("pane:", pane.item_list.border_title, "|", pane.detail.border_title)
        body = pane.detail.query_one("#detail-body").render().plain
        print("detail:", body.replace(chr(10), " / "))
        print("related:", pane.detail.query_one("#related").targets)

asyncio.run(read())
"""


def _add_decision_kind(model: str) -> str:
    """model.py's text with the Decision kind declared: struct, section, brief field, Kind."""
    edits = [
        (r"\nItem = Agreement \| Quote \| Analysis \| Question\n", "\n" + DECISION.lstrip("\n")),
        (
            r"Item = Agreement \| Quote \| Analysis \| Question",
            "Item = Agreement | Quote | Analysis | Question | Decision",
        ),
        (r'"questions"\]', '"questions", "decisions"]'),
        (r"(\n    questions: [^\n]*\n)", r"\1    decisions: tuple[Decision, ...] = ()\n"),
        (r'(\n\)\n"""Every kind of item)', "\n" + DECISION_KIND.rstrip("\n") + r"\1"),
    ]
    for pattern, replacement in edits:
        if pattern.startswith(r"\nItem"):  # the struct goes before the union of item types
            match = re.search(pattern, model)
            assert match, "model.py no longer declares Item as a union of the item structs"
            model = model[: match.start() + 1] + replacement + model[match.start() + 1 :]
            continue
        model, count = re.subn(pattern, replacement, model, count=1)
        assert count == 1, f"model.py changed shape: {pattern!r} not found"
    return model


def test_a_new_kind_declared_in_the_model_is_searched_exported_and_shown(tmp_path: Path) -> None:
    copy = tmp_path / "src" / "briefing_tui"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    if not (copy / "styles").is_dir():  # a source checkout: the styles are beside the package
        shutil.copytree(Path(__file__).resolve().parents[2] / "styles", copy / "styles")
    model = copy / "model.py"
    model.write_text(_add_decision_kind(model.read_text(encoding="utf-8")), encoding="utf-8")
    brief = tmp_path / "brief.yaml"
    brief.write_text(BRIEF, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCRIPT), str(brief)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(copy.parent), "BRIEFING_CONFIG_DIR": str(tmp_path / "config")},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "headline: Close the old quay" in out
    assert "search: [('decisions', 0)]" in out and "'decisions': 1" in out
    assert "tag: [0]" in out
    assert "## Decisions\n\n### Close the old quay\n\nThe quay is unsafe" in out
    assert "Tags: safety\n\nRelated: [Study a new quay](#study-a-new-quay)" in out
    assert "6 Decisions 2" in out
    assert "pane: Decisions 2 | Decision 1 of 2" in out
    assert "detail: Close the old quay /  / Reason / The quay is unsafe" in out
    assert "related: [ItemRef(section='decisions', index=1), TagLink(tag='safety')]" in out


def test_every_item_struct_has_one_kind_and_every_section_one_kind() -> None:
    samples = [
        Agreement(title="t", summary="s"),
        Quote(speaker="p", text="t"),
        Analysis(expert="p", summary="s"),
        Question(question="q"),
    ]
    assert [kind_of(item).section for item in samples] == list(SECTIONS)
    assert len({kind.type for kind in KINDS}) == len({kind.section for kind in KINDS}) == 4
    for kind in KINDS:
        fields = set(kind.type.__struct_fields__)
        assert {*kind.headline, *kind.fields, *(name for name, _ in kind.body)} <= fields
        assert kind.person is None or kind.person in kind.fields
