"""/privacy: every element of the notice, configured or not, in Finnish, Swedish and English."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.replies.privacy import privacy_reply
from config.settings import Language
from storage.database import create_engine
from tests.helpers.runtime import runtime_at

CONFIGURED = {
    "privacy_controller": "Keravan kaupunki <sivistystoimi>",
    "privacy_dpo_contact": "tietosuojavastaava@kerava.example.fi",
    "privacy_legal_basis": "GDPR 6(1)(e)",
}
# What each language calls the parts of the notice that must always be there.
ELEMENTS: dict[Language, tuple[str, ...]] = {
    "fi": (
        "Mitä tallennetaan:",
        "Miksi:",
        "poistetaan 90 päivän jälkeen",
        "Oikeutesi:",
        "Rekisterinpitäjä:",
        "Tietosuojavastaava:",
        "Käsittelyn oikeusperuste:",
        "Telegramin palvelinten kautta",
        "EU:n ja ETA:n ulkopuolella",
        "Valitusoikeus:",
        "tietosuojavaltuutetun toimistolle",
    ),
    "sv": (
        "Vad som sparas:",
        "Varför:",
        "raderas efter 90 dagar",
        "Dina rättigheter:",
        "Personuppgiftsansvarig:",
        "Dataskyddsombud:",
        "Rättslig grund för behandlingen:",
        "via Telegrams servrar",
        "utanför EU och EES",
        "Rätt att klaga:",
        "dataombudsmannens byrå",
    ),
    "en": (
        "What is stored:",
        "Why:",
        "deleted after 90 days",
        "Your rights:",
        "Controller:",
        "Data protection officer:",
        "Legal basis for the processing:",
        "through Telegram's servers",
        "outside the EU and the EEA",
        "Right to complain:",
        "Office of the Data Protection Ombudsman",
    ),
}
NOT_CONFIGURED: dict[Language, str] = {
    "fi": "ei määritetty – kysy botin ylläpitäjältä",
    "sv": "inte angivet – fråga botens administratör",
    "en": "not configured — ask the bot's administrator",
}
NOW = datetime(2009, 1, 8, 7, 25, tzinfo=UTC)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
async def test_a_configured_notice_names_the_controller_dpo_and_legal_basis(
    tmp_path: Path, language: Language
) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'unused.sqlite3'}")
    context = runtime_at(NOW, engine, retention_days="90", **CONFIGURED)
    notice = privacy_reply(context, language).text
    await engine.dispose()

    for element in ELEMENTS[language]:
        assert element in notice
    # The administrator's words are shown as written, not read as HTML.
    assert "Keravan kaupunki &lt;sivistystoimi&gt;" in notice
    assert "tietosuojavastaava@kerava.example.fi" in notice
    assert "GDPR 6(1)(e)" in notice
    assert NOT_CONFIGURED[language] not in notice


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
async def test_an_unconfigured_notice_says_so_instead_of_inventing_facts(
    tmp_path: Path, language: Language
) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'unused.sqlite3'}")
    context = runtime_at(NOW, engine, retention_days="90")
    notice = privacy_reply(context, language).text
    await engine.dispose()

    for element in ELEMENTS[language]:
        assert element in notice
    # Controller, DPO and legal basis: each says it is not configured.
    assert notice.count(NOT_CONFIGURED[language]) == 3
