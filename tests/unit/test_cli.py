"""The `briefing` command line as a user runs it (headless commands; the app is tested apart)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing_tui import __version__
from briefing_tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
NOTE = ROOT / "tests" / "data" / "note.yaml"
SUMMIT = ROOT / "briefs" / "eu-japan-summit-2023.yaml"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command in a subprocess: what a user sees, exit status included."""
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"briefing {__version__}\n"


def test_validate_ok_line_counts_every_section(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(NOTE)])
    assert result.exit_code == 0, result.output
    assert result.output == f"ok: {NOTE} (1 agreement, 1 quote, 0 analyses, 1 question)\n"


def test_validate_summit_brief(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(SUMMIT)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"ok: {SUMMIT} (")


def test_validate_reports_every_file_and_fails_if_one_is_invalid(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        NOTE.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8"
    )
    result = runner.invoke(main, ["validate", str(NOTE), str(bad)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"ok: {NOTE}")
    assert any(
        line.startswith(f"{bad}:")
        and "unknown key 'titel'" in line
        and "did you mean 'title'" in line
        for line in lines[1:]
    )


def test_validate_missing_file_is_an_invalid_brief_not_a_usage_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(main, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert result.output.startswith(f"{tmp_path / 'nope.yaml'}: error: ")
    assert len(result.output.splitlines()) == 1


def test_usage_mistake_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", str(NOTE), "--sections", "quotes"])
    assert result.exit_code == 2
    assert "--sections" in result.output


def test_schema_is_json_schema_of_the_format(runner: CliRunner) -> None:
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    brief = schema["$defs"]["Brief"]
    assert set(brief["required"]) >= {"brief", "title", "date", "summary", "agreements"}
    assert brief["additionalProperties"] is False
    assert schema["$defs"]["Quote"]["required"] == ["speaker", "text"]


def test_export_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", str(NOTE)])
    assert result.exit_code == 0
    assert result.output.startswith("# ")


def test_export_refuses_existing_file_without_force(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("my notes\n", encoding="utf-8")
    result = runner.invoke(main, ["export", str(NOTE), "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "my notes\n"
    assert "--force" in result.output
    forced = runner.invoke(main, ["export", str(NOTE), "-o", str(out), "--force"])
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_export_never_writes_over_the_brief(runner: CliRunner, tmp_path: Path) -> None:
    brief = tmp_path / "note.yaml"
    brief.write_bytes(NOTE.read_bytes())
    result = runner.invoke(main, ["export", str(brief), "-o", str(brief), "--force"])
    assert result.exit_code == 1
    assert brief.read_bytes() == NOTE.read_bytes()


def test_export_one_section(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", str(NOTE), "--section", "quotes"])
    assert result.exit_code == 0
    assert "## Quotes" in result.output
    assert "## Agreements" not in result.output


def test_opening_an_invalid_brief_prints_errors_and_exits_1_without_a_traceback(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("brief: 99\n", encoding="utf-8")
    result = run(str(bad))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{bad}:1:8: error: $.brief: unsupported brief version 99 (this briefing reads version 1)\n"
    )


def test_opening_without_a_terminal_says_so(tmp_path: Path) -> None:
    result = run(str(NOTE))
    assert result.returncode == 1
    assert "needs a terminal" in result.stderr
    assert "Traceback" not in result.stderr


def test_python_dash_m_and_bundled_brief_work_from_any_folder(tmp_path: Path) -> None:
    result = run("validate", str(SUMMIT), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    version = run("--version", cwd=tmp_path)
    assert version.stdout == f"briefing {__version__}\n"


def test_preload_gives_the_same_brief_or_the_same_errors_as_the_loader(tmp_path: Path) -> None:
    from briefing_tui.loader import BriefInvalid, load_brief
    from briefing_tui.preload import Preload

    assert Preload(str(SUMMIT)).result() == load_brief(SUMMIT)
    bad = tmp_path / "bad.yaml"
    bad.write_text("brief: 1\ntitel: x\n", encoding="utf-8")
    with pytest.raises(BriefInvalid) as preloaded:
        Preload(str(bad)).result()
    with pytest.raises(BriefInvalid) as loaded:
        load_brief(bad)
    assert [str(e) for e in preloaded.value.errors] == [str(e) for e in loaded.value.errors]


@pytest.mark.parametrize(
    ("args", "plain"),
    [
        ([], True),
        (["brief.yaml"], True),
        (["validate"], False),
        (["export", "brief.yaml"], False),
        (["--version"], False),
        (["-h"], False),
        (["a.yaml", "b.yaml"], False),
    ],
)
def test_only_a_plain_open_skips_click(args: list[str], plain: bool) -> None:
    from briefing_tui.launch import is_plain_open

    assert is_plain_open(args) is plain


def test_too_many_paths_is_a_usage_mistake() -> None:
    result = run("a.yaml", "b.yaml")
    assert result.returncode == 2
    assert "Usage:" in result.stderr


def test_the_fast_path_and_click_know_the_same_subcommands() -> None:
    from briefing_tui.launch import SUBCOMMANDS

    assert set(main.commands) == SUBCOMMANDS


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [(["valdate", "x.yaml"], "validate"), (["exprot"], "export"), (["shema"], "schema")],
)
def test_a_misspelt_command_names_the_command_meant(args: list[str], suggestion: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert f"Error: no such command '{args[0]}' — did you mean '{suggestion}'?" in result.stderr
    assert "open" not in result.stderr


def test_a_file_named_like_a_command_is_still_opened(tmp_path: Path) -> None:
    (tmp_path / "valdate").write_text("brief: 1\n")
    result = run("valdate", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("valdate:1:1: error: $: missing required key 'title'")


def test_help_shows_the_help_and_a_commands_help(runner: CliRunner) -> None:
    general = runner.invoke(main, ["help"])
    assert general.exit_code == 0
    assert general.output == runner.invoke(main, ["--help"]).output
    assert "Commands:" in general.output and "open" not in general.output.split("Commands:")[1]
    export = runner.invoke(main, ["help", "export"], prog_name="briefing")
    assert export.exit_code == 0
    assert export.output.startswith("Usage: briefing export [OPTIONS] PATH")


def test_validate_shows_a_file_name_with_control_characters_as_symbols(tmp_path: Path) -> None:
    name = tmp_path / "a\x1b]52;c;aGk=\x07\nb.yaml"
    name.write_bytes(NOTE.read_bytes())
    result = CliRunner().invoke(main, ["validate", str(name)])
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert result.output.count("\n") == 1
    assert "a␛]52;c;aGk=␇ b.yaml (1 agreement" in result.output
