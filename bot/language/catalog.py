"""Texts in Finnish, Swedish and English, from the Fluent catalogs in `bot/language/locales/`.

Finnish is the default and the fallback: a text missing from another catalog is shown in
Finnish rather than not at all (a test keeps the three catalogs in step).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import cast

from fluent.runtime import FluentBundle, FluentResource

from config.settings import LANGUAGES, Language

LOCALES = Path(__file__).parent / "locales"
FALLBACK: Language = "fi"

Arg = str | int


class Texts:
    """The catalogs of every language; call it to get one text."""

    def __init__(
        self,
        sources: dict[Language, str],
        default_language: Language = FALLBACK,
        *,
        bundles: dict[Language, FluentBundle] | None = None,
    ) -> None:
        self.default_language = default_language
        self._sources = sources
        self._bundles = _bundles_of(sources) if bundles is None else bundles

    @classmethod
    def load(cls, default_language: Language = FALLBACK) -> Texts:
        """The catalogs on disk, read and parsed once per process: the command line's texts
        and the bot's share them (three parsed catalogs are megabytes of memory)."""
        sources, bundles = _from_disk()
        return cls(sources, default_language, bundles=bundles)

    def __call__(self, language: str, key: str, /, **args: Arg) -> str:
        """The text `key` in `language` (falling back to Finnish) with `args` filled in."""
        for candidate in (self.choose(language), FALLBACK):
            bundle = self._bundles[candidate]
            if bundle.has_message(key):
                message = bundle.get_message(key)
                if message.value is None:
                    break
                text, errors = bundle.format_pattern(message.value, args)
                if errors:
                    raise ValueError(f"text {key!r} in {candidate}: {errors}")
                return cast(str, text)
        raise KeyError(f"no text {key!r} in the catalogs")

    def has(self, language: str, key: str) -> bool:
        """Whether the text `key` exists (in `language` or in Finnish)."""
        return any(
            self._bundles[candidate].has_message(key)
            for candidate in (self.choose(language), FALLBACK)
        )

    def choose(self, language: str | None) -> Language:
        """A supported language from a code such as `sv-FI` or `en`, else the default."""
        if language:
            code = language.lower().replace("_", "-").split("-")[0]
            for supported in LANGUAGES:
                if code == supported:
                    return supported
        return self.default_language

    def keys(self, language: Language) -> set[str]:
        """Every message id of one catalog."""
        from fluent.syntax import FluentParser, ast

        resource = FluentParser().parse(self._sources[language])
        return {entry.id.name for entry in resource.body if isinstance(entry, ast.Message)}


def _bundles_of(sources: dict[Language, str]) -> dict[Language, FluentBundle]:
    bundles: dict[Language, FluentBundle] = {}
    for language, source in sources.items():
        # Isolation marks (U+2068/U+2069) around values would show up in Telegram.
        bundle = FluentBundle([language], use_isolating=False)
        bundle.add_resource(FluentResource(source))
        bundles[language] = bundle
    return bundles


@cache
def _from_disk() -> tuple[dict[Language, str], dict[Language, FluentBundle]]:
    sources = {lang: (LOCALES / f"{lang}.ftl").read_text(encoding="utf-8") for lang in LANGUAGES}
    return sources, _bundles_of(sources)
