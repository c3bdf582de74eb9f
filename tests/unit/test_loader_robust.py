"""Whatever the input, the loader answers a Brief or BriefInvalid: never another exception."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.loader import BriefInvalid, parse_brief
from briefing_tui.model import SECTIONS, Brief, Lookup

ROOT = Path(__file__).resolve().parents[2]
NOTE = (ROOT / "tests" / "data" / "note.yaml").read_text(encoding="utf-8")


def load_dossier_module() -> ModuleType:
    """bench/dossier.py, which is a script rather than part of the package."""
    spec = importlib.util.spec_from_file_location("dossier", ROOT / "bench" / "dossier.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outcome(data: bytes) -> Brief | BriefInvalid:
    """The Brief, or the BriefInvalid raised; any other exception fails the test."""
    try:
        return parse_brief(data, name="b.yaml")
    except BriefInvalid as invalid:
        for error in invalid.errors:
            assert "\n" not in str(error)
            assert not error.message.startswith("internal error"), str(error)
        return invalid


# Pieces of YAML syntax, so random text reaches the parser's and the checker's corners.
YAML_BITS = st.sampled_from(
    [
        "brief: 1\n",
        "title: ",
        "date: 2024-02-30\n",
        "summary: ",
        "agreements:\n",
        "quotes: ",
        "- ",
        "  ",
        "\t",
        ": ",
        "? ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "&a ",
        "*a",
        "!!str ",
        "!x ",
        "'",
        '"',
        "\\e",
        "\\u202e",
        "|\n",
        ">-\n",
        "---\n",
        "...\n",
        "#",
        "%YAML 1.1\n",
        "<<: ",
        "no",
        "0755",
        "~",
        "\n",
        "id: x\n",
        "speaker: x\n",
        "related: [x]\n",
        "\u00e9",
        "\r",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise_anything_else(data: bytes) -> None:
    outcome(data)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_anything_else(text: str) -> None:
    outcome(text.encode("utf-8", errors="surrogatepass"))


@settings(max_examples=500, deadline=None)
@given(st.lists(YAML_BITS, max_size=40))
def test_yaml_shaped_garbage_never_raises_anything_else(bits: list[str]) -> None:
    outcome("".join(bits).encode())


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=len(NOTE)), st.text(max_size=12))
def test_edits_of_a_valid_note_never_raise_anything_else(at: int, insert: str) -> None:
    outcome((NOTE[:at] + insert + NOTE[at:]).encode("utf-8", errors="surrogatepass"))


def test_a_dossier_of_300_items_loads_with_every_link_resolved() -> None:
    dossier = load_dossier_module()
    brief = parse_brief(dossier.make_dossier(300).encode())
    assert brief.counts() == {"agreements": 90, "quotes": 90, "analysis": 60, "questions": 60}
    lookup = Lookup(brief)
    for name in SECTIONS:
        for item in brief.section(name):
            for target in item.related:
                assert target in lookup.items or target in lookup.people


def test_a_dossier_is_deterministic_and_about_370_bytes_an_item() -> None:
    dossier = load_dossier_module()
    text = dossier.make_dossier(1000, seed=4)
    assert text == dossier.make_dossier(1000, seed=4)
    assert text != dossier.make_dossier(1000, seed=5)
    assert 330_000 < len(text.encode()) < 410_000
    assert "hydrogen" in text
    assert "日本" in text


def test_the_dossier_script_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "d.yaml"
    out.write_text("keep me")
    script = [sys.executable, str(ROOT / "bench" / "dossier.py"), "20", str(out)]
    refused = subprocess.run(script, capture_output=True, text=True, check=False)
    assert refused.returncode == 1
    assert "--force" in refused.stderr
    assert out.read_text() == "keep me"
    subprocess.run([*script, "--force"], capture_output=True, check=True)
    assert parse_brief(out.read_bytes()).counts()["agreements"] == 6


def test_a_pyyaml_without_libyaml_is_named_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    with pytest.raises(BriefInvalid) as caught:
        parse_brief(NOTE.encode(), name="note.yaml")
    assert str(caught.value) == (
        "note.yaml: error: PyYAML is installed without its C extension (libyaml): reinstall PyYAML"
    )
