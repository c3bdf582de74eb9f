"""`briefing validate --source` and `source.file` from the command line, as a user runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_cli import run

from briefing_tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "briefs" / "example-river-summit.yaml"
ARTICLE = ROOT / "briefs" / "example-river-summit.txt"
NOTE = ROOT / "tests" / "data" / "note.yaml"
SUMMIT = ROOT / "briefs" / "eu-japan-summit-2023.yaml"
SUMMIT_ARTICLE = ROOT.parent / "shared" / "source" / "japan-eu-summit-2023.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def example(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE, tmp_path)
    shutil.copy(ARTICLE, tmp_path)
    return tmp_path / EXAMPLE.name


def test_the_example_brief_is_checked_against_its_source_file(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"ok: {EXAMPLE} (4 agreements, 5 quotes, 2 analyses, 3 questions;"
        f" 5 quotes match {ARTICLE})\n"
    )


def test_the_summit_brief_matches_its_article() -> None:
    if not SUMMIT_ARTICLE.is_file():
        pytest.skip(f"the source article is not beside the clone: {SUMMIT_ARTICLE}")
    result = run("validate", str(SUMMIT), "--source", str(SUMMIT_ARTICLE))
    assert result.returncode == 0, result.stderr + result.stdout
    assert result.stdout.endswith(f"; 12 quotes match {SUMMIT_ARTICLE})\n")


def test_a_misquote_in_a_copy_of_the_example_is_one_line_naming_the_source_line(
    example: Path,
) -> None:
    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace("nobody loves", "nobody wants"), encoding="utf-8")
    result = run("validate", example.name, cwd=example.parent)
    assert result.returncode == 1
    assert result.stderr == ""
    (line,) = result.stdout.splitlines()
    brief_line = next(
        n for n, text in enumerate(example.read_text().splitlines(), 1) if "nobody wants" in text
    )
    article_line = next(
        n for n, text in enumerate(ARTICLE.read_text().splitlines(), 1) if "nobody loves" in text
    )
    assert line == (
        f"{example.name}:{brief_line}:11: error: $.quotes[1].text: quote 'compromise' differs"
        f' from the source at line {article_line}: "…a compromise that nobody loves and everybody'
        ' can live with…": source has "loves", quote has "wants"'
    )


def test_source_overrides_source_file(runner: CliRunner, example: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.read_text().replace("hundred years", "thousand years"), "utf-8")
    result = runner.invoke(main, ["validate", str(example), "--source", str(other)])
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    assert "quote 'salmon' differs" in line
    assert 'source has "thousand", quote has "hundred"' in line


def test_source_gives_a_brief_without_source_file_its_check(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(NOTE), "--source", str(ARTICLE)])
    assert result.exit_code == 1
    assert "quote 'cleaner' is not in the source" in result.output


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda folder: folder / "missing.txt", "no such file"),
        (lambda folder: folder, "it is a folder, not a text file"),
    ],
)
def test_an_unreadable_source_is_one_line_and_exit_1(
    runner: CliRunner, tmp_path: Path, make: object, reason: str
) -> None:
    source = make(tmp_path)  # type: ignore[operator]
    result = runner.invoke(main, ["validate", str(EXAMPLE), "--source", str(source)])
    assert result.exit_code == 1
    assert result.output == f"{source}: error: cannot read the source: {reason}\n"


def test_a_source_file_that_is_not_utf8_is_located_at_source_file(example: Path) -> None:
    (example.parent / ARTICLE.name).write_bytes(b"caf\xe9\n")
    result = run("validate", str(example))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{example}:16:9: error: $.source.file: cannot read the source ")
    assert line.endswith("it is not UTF-8 text (byte 0xE9 on line 1): save it as UTF-8")


def test_source_with_several_briefs_is_a_usage_mistake(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(EXAMPLE), str(NOTE), "--source", str(ARTICLE)])
    assert result.exit_code == 2
    assert "--source checks the quotes of one brief: give one PATH" in result.output


def test_an_invalid_brief_is_reported_before_any_source_check(
    runner: CliRunner, example: Path
) -> None:
    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(example), "--source", "/nonexistent"])
    assert result.exit_code == 1
    assert "unknown key 'titel'" in result.output
    assert "cannot read the source" not in result.output


def test_the_readme_shows_what_validate_reports_for_a_misquote(example: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (shown,) = [line for line in readme.splitlines() if "quote 'salmon' differs" in line]
    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace("able to swim", "able to sail"), encoding="utf-8")
    result = run("validate", example.name, cwd=example.parent)
    assert result.stdout == shown + "\n"


def test_the_format_doc_shows_what_validate_reports_for_a_misquote(example: Path) -> None:
    doc = (ROOT / "docs" / "brief-format.md").read_text(encoding="utf-8")
    (shown,) = [line for line in doc.splitlines() if "quote 'no-border' differs" in line]
    brief = example.rename(example.parent / "brief.yaml")
    text = brief.read_text(encoding="utf-8")
    brief.write_text(text.replace("doesn't stop", "does not stop"), encoding="utf-8")
    result = run("validate", brief.name, cwd=brief.parent)
    assert result.stdout == shown + "\n"
