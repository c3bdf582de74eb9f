"""Where the bundled briefs and styles live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """The bundled folder `name` ("briefs" or "styles"): inside the wheel, else at the repo root."""
    installed = _PACKAGE / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / name


SUMMIT_BRIEF = "eu-japan-summit-2023.yaml"
