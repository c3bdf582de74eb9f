"""Fixtures of the app tests: briefs built from tests/app/data or from the model structs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
import yaml

from briefing_tui.model import Agreement, Analysis, Brief, Person, Question, Quote

DATA = Path(__file__).parent / "data"


def brief_from_yaml(path: Path) -> Brief:
    """A Brief from a fixture file, without going through the loader."""
    return msgspec.convert(yaml.safe_load(path.read_text(encoding="utf-8")), Brief)


def make_brief(
    *,
    title: str = "A brief",
    agreements: tuple[Agreement, ...] = (),
    quotes: tuple[Quote, ...] = (),
    analysis: tuple[Analysis, ...] = (),
    questions: tuple[Question, ...] = (),
    people: tuple[Person, ...] = (),
) -> Brief:
    """A brief with just the given items."""
    return Brief(
        brief=1,
        title=title,
        date=dt.date(2024, 1, 2),
        summary="A summary.",
        agreements=agreements,
        quotes=quotes,
        analysis=analysis,
        questions=questions,
        people=people,
    )


def big_brief(count: int) -> Brief:
    """A brief with `count` agreements (and a few other items), numbered from 0."""
    agreements = tuple(
        Agreement(id=f"a{n}", title=f"Agreement number {n}", summary=f"Summary {n}.")
        for n in range(count)
    )
    return make_brief(
        title="Dossier",
        agreements=agreements,
        people=(Person(id="p", name="Pat"),),
        quotes=(Quote(speaker="p", text="Hello."),),
    )


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings go to a temp dir, never to the real home."""
    path = tmp_path / "config"
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(path))
    return path


@pytest.fixture
def brief_factory() -> Callable[..., Brief]:
    """`make_brief`: a brief with just the given items."""
    return make_brief


@pytest.fixture
def big_brief_factory() -> Callable[[int], Brief]:
    """`big_brief`: a brief with that many agreements."""
    return big_brief


@pytest.fixture
def summit() -> Brief:
    """The small summit brief: 3 agreements, 3 quotes, 2 analyses, 2 questions, 4 people."""
    return brief_from_yaml(DATA / "summit.yaml")
