"""The three catalogs stay in step, and every text the code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast

from bot.language.catalog import LOCALES, Texts
from config.settings import LANGUAGES
from storage.schedule import problems

ROOT = Path(__file__).parents[3]


def placeholders(language: str) -> dict[str, set[str]]:
    """Each message id with the variables it uses."""
    source = (LOCALES / f"{language}.ftl").read_text(encoding="utf-8")
    resource = FluentParser().parse(source)
    junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
    assert junk == [], f"{language}.ftl has syntax errors: {junk}"
    found: dict[str, set[str]] = {}
    for entry in resource.body:
        if isinstance(entry, ast.Message):
            text = source[entry.span.start : entry.span.end] if entry.span else ""
            found[entry.id.name] = set(re.findall(r"\{ *\$(\w+)", text))
    return found


def test_every_language_has_the_same_texts_with_the_same_placeholders() -> None:
    finnish = placeholders("fi")
    for language in LANGUAGES:
        assert placeholders(language) == finnish, language


def test_every_text_the_code_asks_for_exists() -> None:
    texts = Texts.load()
    known = texts.keys("fi")
    code = "\n".join(
        p.read_text() for folder in ("bot", "handlers") for p in (ROOT / folder).rglob("*.py")
    )
    asked = set(
        re.findall(r'"((?:cmd|start|help|unknown|error|import|console)-[a-z0-9_-]+)"', code)
    )
    asked = {key for key in asked if not key.endswith("-")}
    assert asked <= known, asked - known


def test_every_problem_the_importer_reports_has_a_text() -> None:
    # Every module of the schedule package, where its readers report problems.
    source = "\n".join(p.read_text() for p in Path(problems.__file__).parent.glob("*.py"))
    codes = set(re.findall(r'ScheduleError\(\s*"(\w+)"', source))
    codes |= set(re.findall(r'PydanticCustomError\(\s*"(\w+)"', source))
    codes |= set(problems._PYDANTIC_CODES.values()) | {"invalid", "unknown_workshop"}
    known = Texts.load().keys("fi")
    assert {f"import-error-{code}" for code in codes} <= known


@pytest.mark.parametrize(
    ("code", "language"),
    [("sv-FI", "sv"), ("en_GB", "en"), ("fi", "fi"), ("ru", "fi"), (None, "fi")],
)
def test_telegram_language_codes_pick_a_supported_language(code: str | None, language: str) -> None:
    assert Texts.load().choose(code) == language


def test_the_default_language_is_configurable() -> None:
    assert Texts.load("en").choose("ru") == "en"
