"""Builders for schedule files in tests."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

DEMO = Path(__file__).parents[2] / "config" / "demo" / "arvo-2009.yaml"


def demo_bytes() -> bytes:
    """The demo network as the importer reads it."""
    return DEMO.read_bytes()


def yaml_bytes(text: str) -> bytes:
    """An inline YAML document, dedented, as file bytes."""
    return dedent(text).lstrip("\n").encode()
