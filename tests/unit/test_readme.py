"""README.md promises what CI runs and shows a brief that is valid."""

from __future__ import annotations

import re
from pathlib import Path

from briefing_tui.loader import parse_brief

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    commands = [block.strip() for block in fenced("sh") if "pytest" in block]
    assert len(commands) == 1
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands[0] in ci


def test_readme_example_brief_is_valid() -> None:
    example = next(block for block in fenced("yaml") if block.startswith("brief: 1"))
    brief = parse_brief(example.encode(), name="README.md")
    assert brief.counts() == {"agreements": 1, "quotes": 1, "analysis": 0, "questions": 1}


def test_the_module_map_names_every_module() -> None:
    section = README[README.index("## Development") :]
    package = ROOT / "src" / "briefing_tui"
    modules = {path.name for path in package.glob("*.py") if not path.name.startswith("__")}
    missing = sorted(name for name in modules if f"`{name}`" not in section)
    assert missing == []
    assert "`screens/`" in section and "`widgets/`" in section
