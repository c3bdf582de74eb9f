"""The app's remembered preferences: a small JSON file in the user's config dir."""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

CONFIG_DIR_ENV = "BRIEFING_CONFIG_DIR"
"""Environment variable naming another config dir (tests point it at a temp dir)."""

SETTINGS_FILE = "settings.json"
DEFAULT_THEME = "textual-dark"


class Settings(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """What the app remembers between runs."""

    theme: str = DEFAULT_THEME
    split: int | None = None
    """The item lists' share of a section pane's width, in percent (None: the default)."""


def config_dir() -> Path:
    """The config dir: $BRIEFING_CONFIG_DIR if set, else the platform's user config dir."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("briefing-tui"))


def settings_path() -> Path:
    """Where the settings file lives."""
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; a missing, unreadable or corrupt file gives the defaults."""
    path = path or settings_path()
    try:
        data = msgspec.json.decode(path.read_bytes())
    except (OSError, msgspec.DecodeError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    theme = data.get("theme")
    split = data.get("split")
    return Settings(
        theme=theme if isinstance(theme, str) and theme else DEFAULT_THEME,
        split=split if type(split) is int and 10 <= split <= 90 else None,
    )


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (temp file, fsync, rename); raises OSError on failure."""
    write_json(path or settings_path(), settings)


def write_json(path: Path, data: object) -> None:
    """Write `data` as indented JSON to `path` in the config dir (made if need be), atomically
    (temp file, fsync, rename); raises OSError on failure."""
    from briefing_tui.files import WriteError, write_text_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    text = msgspec.json.format(msgspec.json.encode(data), indent=2).decode() + "\n"
    try:
        write_text_atomic(path, text, replace=True)
    except WriteError as error:
        raise OSError(str(error)) from error
