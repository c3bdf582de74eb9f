from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def briefing() -> list[str]:
    """The installed `briefing` command, as a user runs it."""
    script = Path(sys.executable).parent / "briefing"
    if not script.exists():
        pytest.fail(
            f"`briefing` is not installed next to {sys.executable}: pip install the project"
        )
    return [str(script)]


@pytest.fixture
def config_env(tmp_path: Path) -> dict[str, str]:
    """Settings in a temporary folder, so a test never reads or writes the user's own."""
    return {"BRIEFING_CONFIG_DIR": str(tmp_path / "config")}
