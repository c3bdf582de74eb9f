"""`briefing export --query`: only the items a search finds, with the usual exit statuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing_tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
NOTE = ROOT / "tests" / "data" / "note.yaml"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_query_exports_only_the_hits(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", str(NOTE), "--query", "fleet"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    # "fleet" is in the agreement and the question, not in the quote.
    assert "Exported: 2 selected items of 3" in text
    assert "## Agreements" in text and "Shared cleanup fleet" in text
    assert "## Questions" in text and "Who will operate the fleet?" in text
    assert "## Quotes" not in text and "cleaner harbour" not in text


def test_query_within_sections_keeps_only_the_hits_there(runner: CliRunner) -> None:
    args = ["export", str(NOTE), "--query", "fleet", "--section", "questions"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Exported: 1 selected item of 3" in result.stdout
    assert "Who will operate the fleet?" in result.stdout
    assert "## Agreements" not in result.stdout


def test_query_uses_the_search_language(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", str(NOTE), "--query", "fleet -in:questions"])
    assert result.exit_code == 0, result.output
    assert "Shared cleanup fleet" in result.stdout
    assert "Who will operate the fleet?" not in result.stdout


def test_query_that_finds_nothing_fails_and_writes_no_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    result = runner.invoke(main, ["export", str(NOTE), "-o", str(out), "--query", "xyzzy"])
    assert result.exit_code == 1
    assert result.stderr == "briefing: error: no item matches 'xyzzy'\n"
    assert not out.exists()


def test_query_with_hits_only_outside_the_sections_fails(runner: CliRunner) -> None:
    args = ["export", str(NOTE), "--query", "harbour", "--section", "agreements"]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr == "briefing: error: no item matches 'harbour' in agreements\n"
    assert result.stdout == ""


def test_misspelt_query_exports_nothing_and_suggests_the_word(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", str(NOTE), "--query", "hydrogn"])
    assert result.exit_code == 1
    assert "no item matches 'hydrogn' (did you mean 'hydrogen'?)" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ('"cleaner harbour', "unterminated quote (at character 1"),
        ("fleet in:nowhere", "in:nowhere names no section"),
        ("tag:", "nothing after tag:"),
        ("   ", "the query is empty"),
    ],
)
def test_bad_query_is_a_usage_error(runner: CliRunner, query: str, problem: str) -> None:
    result = runner.invoke(main, ["export", str(NOTE), "--query", query])
    assert result.exit_code == 2
    assert "Invalid value for '--query'" in result.stderr
    assert problem in result.stderr
    assert result.stdout == ""


def test_query_export_to_a_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    result = runner.invoke(main, ["export", str(NOTE), "-o", str(out), "--query", "operate"])
    assert result.exit_code == 0, result.output
    assert "Who will operate the fleet?" in out.read_text(encoding="utf-8")


def test_existing_file_message_still_names_force(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("keep", encoding="utf-8")
    result = runner.invoke(main, ["export", str(NOTE), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"briefing: error: {out}: refused: the file exists (use --force to replace it)\n"
    )
    assert out.read_text(encoding="utf-8") == "keep"


def test_dash_as_output_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", str(NOTE), "-o", "-"])
    assert result.exit_code == 0
    assert result.output.startswith("# ")
    assert list(tmp_path.iterdir()) == []


def test_a_section_given_twice_is_exported_once(tmp_path: Path) -> None:
    once = CliRunner().invoke(main, ["export", str(NOTE), "--section", "quotes"])
    twice = CliRunner().invoke(
        main, ["export", str(NOTE), "--section", "quotes", "--section", "quotes", "--query", "zzz"]
    )
    assert "in quotes, quotes" not in twice.output
    assert "in quotes" in twice.output
    assert (
        once.output
        == CliRunner()
        .invoke(main, ["export", str(NOTE), "--section", "quotes", "--section", "quotes"])
        .output
    )


def test_the_wrote_line_shows_control_characters_as_symbols(tmp_path: Path) -> None:
    out = tmp_path / "x\x1b[31m\ny.md"
    result = CliRunner().invoke(main, ["export", str(NOTE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
    assert "\x1b" not in result.output
    assert "x␛[31m y.md" in result.output


@pytest.mark.parametrize(
    ("given", "heading"),
    [("quo", "## Quotes"), ("QUESTIONS", "## Questions"), ("ag", "## Agreements")],
)
def test_section_takes_the_prefixes_in_takes(runner: CliRunner, given: str, heading: str) -> None:
    result = runner.invoke(main, ["export", str(NOTE), "--section", given])
    assert result.exit_code == 0, result.output
    assert heading in result.stdout
    assert result.stdout.count("\n## ") == 1


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("q", "briefing: error: --section q could be quotes or questions\n"),
        (
            "nonsense",
            "briefing: error: --section nonsense names no section"
            " (one of agreements, quotes, analysis, questions)\n",
        ),
    ],
)
def test_a_section_that_names_none_or_several_is_one_line_exit_1(
    runner: CliRunner, given: str, said: str
) -> None:
    result = runner.invoke(main, ["export", str(NOTE), "--section", given])
    assert result.exit_code == 1
    assert result.stderr == said


def test_a_query_found_only_in_the_overview_says_so(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", str(NOTE), "--query", "rotterdam OR remain"])
    assert result.exit_code == 1
    assert result.stderr == (
        "briefing: error: no item matches 'rotterdam OR remain'"
        " (only the brief's own title or summary does: export it whole)\n"
    )


def test_the_export_names_its_query(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", str(NOTE), "--query", "fleet"])
    assert "found by the search “fleet”" in result.stdout
