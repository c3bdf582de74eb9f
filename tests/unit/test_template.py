"""`briefing new PATH`: a commented brief that validates as it is, and never a file replaced."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing_tui import files
from briefing_tui.cli import main
from briefing_tui.launch import is_plain_open
from briefing_tui.loader import load_brief
from briefing_tui.model import json_schema
from briefing_tui.template import SCHEMA_NAME, template_text


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def new(runner: CliRunner, path: Path) -> tuple[int, str]:
    result = runner.invoke(main, ["new", str(path)])
    return result.exit_code, result.output


def test_the_template_validates_as_it_is(runner: CliRunner, tmp_path: Path) -> None:
    brief = tmp_path / "harbour.yaml"
    code, output = new(runner, brief)
    assert code == 0, output
    result = runner.invoke(main, ["validate", str(brief)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"ok: {brief} (1 agreement, 1 quote, 1 analysis, 1 question")
    assert load_brief(brief).date == dt.date.today()


def test_it_says_what_it_wrote_and_what_comes_next(runner: CliRunner, tmp_path: Path) -> None:
    brief = tmp_path / "my brief.yaml"
    code, output = new(runner, brief)
    assert code == 0
    assert output.splitlines() == [
        f"wrote {brief}",
        f"wrote {tmp_path / SCHEMA_NAME} (the format, for your editor)",
        f"fill it in, then check it with: briefing validate '{brief}'",
    ]


def test_the_schema_line_points_at_the_schema_written_beside_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    brief = tmp_path / "harbour.yaml"
    new(runner, brief)
    first = brief.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_NAME}"
    schema = json.loads((tmp_path / SCHEMA_NAME).read_text(encoding="utf-8"))
    assert schema == json.loads(json.dumps(json_schema()))


def test_a_schema_already_there_is_kept_and_used(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / SCHEMA_NAME).write_text('{"mine": true}\n', encoding="utf-8")
    code, output = new(runner, tmp_path / "harbour.yaml")
    assert code == 0
    assert (tmp_path / SCHEMA_NAME).read_text(encoding="utf-8") == '{"mine": true}\n'
    assert SCHEMA_NAME not in output


def test_an_existing_file_is_never_replaced(runner: CliRunner, tmp_path: Path) -> None:
    brief = tmp_path / "harbour.yaml"
    brief.write_text("my notes\n", encoding="utf-8")
    code, output = new(runner, brief)
    assert code == 1
    assert output == f"briefing: error: {brief}: the file exists; briefing new never replaces one\n"
    assert brief.read_text(encoding="utf-8") == "my notes\n"
    assert not (tmp_path / SCHEMA_NAME).exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("notes.txt", "a brief's file name ends in .yaml (or .yml)"),
        ("harbour", "a brief's file name ends in .yaml (or .yml)"),
        ("missing/harbour.yaml", "the folder {tmp}/missing does not exist"),
        ("file.yaml/harbour.yaml", "{tmp}/file.yaml is a file, not a folder"),
        (
            "folder.yaml",
            "is a folder; name the new brief's file, such as {tmp}/folder.yaml/brief.yaml",
        ),
    ],
)
def test_a_path_that_cannot_be_a_new_brief_is_one_line(
    runner: CliRunner, tmp_path: Path, name: str, message: str
) -> None:
    (tmp_path / "file.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    before = sorted(tmp_path.rglob("*"))
    code, output = new(runner, tmp_path / name)
    assert code == 1
    assert output == f"briefing: error: {tmp_path / name}: {message.format(tmp=tmp_path)}\n"
    assert sorted(tmp_path.rglob("*")) == before


def test_a_failed_write_leaves_no_file_behind(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    code, output = new(runner, tmp_path / "harbour.yaml")
    assert code == 1
    assert output == (
        f"briefing: error: {tmp_path / 'harbour.yaml'}: no space left on the device\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_yml_works_too(runner: CliRunner, tmp_path: Path) -> None:
    code, _ = new(runner, tmp_path / "harbour.yml")
    assert code == 0
    assert (tmp_path / "harbour.yml").is_file()


def test_new_is_a_command_not_a_brief_to_open(runner: CliRunner) -> None:
    assert not is_plain_open(["new"])
    result = runner.invoke(main, ["new"])
    assert result.exit_code == 2
    assert "Missing argument 'PATH'" in result.output


def test_every_part_of_the_template_is_explained_above_it() -> None:
    lines = template_text("harbour.yaml", dt.date(2025, 6, 1)).splitlines()
    keys = ("summary:", "source:", "people:", "agreements:", "quotes:", "analysis:", "questions:")
    for key in keys:
        (at,) = [n for n, line in enumerate(lines) if line.startswith(key)]
        assert lines[at - 1].startswith("# "), key
    text = "\n".join(lines)
    assert "# go with:  briefing validate harbour.yaml" in text
    assert "# file: source.txt" in text
    assert "date: 2025-06-01" in text


def test_an_odd_file_name_cannot_break_the_template() -> None:
    text = template_text("a\nb: [x\u2028.yaml", dt.date(2025, 6, 1))
    assert text.count("\n") == template_text("ab.yaml", dt.date(2025, 6, 1)).count("\n")
    assert "\u2028" not in text
