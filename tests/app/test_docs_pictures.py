"""The README's pictures are the app as it looks now: taken again, they match the committed
ones (Rich's random SVG id aside)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "screenshots.py"
README = SCRIPT.parents[1] / "README.md"


def screenshots() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_pictures_are_up_to_date() -> None:
    script = screenshots()
    for path, svg in script.take_all().items():
        assert path.exists(), f"no {path.name}: run python docs/screenshots.py"
        committed = script.normalize(path.read_text(encoding="utf-8"))
        assert committed == svg, f"{path.name} is out of date: run python docs/screenshots.py"


def test_the_readme_shows_every_picture() -> None:
    readme = README.read_text(encoding="utf-8")
    for scene in screenshots().SCENES:
        assert f"](docs/{scene.name}.svg)" in readme
