"""The network's names: municipalities, workshops and host towns, and finding them by name.

Loaded whole (a network has tens of names, not thousands) into plain frozen dataclasses,
so that rendering needs no open session, and kept in memory per database until the
directory's revision in the database moves: a question then reads no names at all, and an
import made by another process is still seen at the next update.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.language.names import Vocabulary, find_town, find_workshop
from storage.models import (
    CHANGED_NAMES,
    SEEN_REVISION,
    Meeting,
    Municipality,
    Workshop,
    revision_column,
)


def slug(text: str) -> str:
    """`Järvenpää` → `jarvenpaa`: the form used in deep links and typed keys."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


@dataclass(frozen=True)
class MunicipalityInfo:
    """A member municipality."""

    id: int
    name: str
    name_sv: str | None

    def title(self, language: str) -> str:
        """The name in the reader's language (Raseborg for a Swedish reader)."""
        return self.name_sv if language == "sv" and self.name_sv else self.name


@dataclass(frozen=True)
class WorkshopInfo:
    """A theme workshop with its member municipalities."""

    id: int
    key: str
    name: str
    name_sv: str | None
    name_en: str | None
    aliases: tuple[str, ...]
    municipality_ids: tuple[int, ...]

    def title(self, language: str) -> str:
        """The name in the reader's language, Finnish where no translation is given."""
        translated = {"sv": self.name_sv, "en": self.name_en}.get(language)
        return translated or self.name


@dataclass(frozen=True)
class Directory:
    """Everything the bot knows by name."""

    municipalities: tuple[MunicipalityInfo, ...]
    workshops: tuple[WorkshopInfo, ...]
    # Towns where meetings are held, members or not (Järvenpää hosts workshops it is not in).
    places: tuple[str, ...]

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The names for the question parser."""
        towns: dict[str, str] = {place: place for place in self.places}
        for municipality in self.municipalities:
            towns[municipality.name] = municipality.name
            if municipality.name_sv:
                towns[municipality.name_sv] = municipality.name
        workshops: dict[str, str] = {}
        for workshop in self.workshops:
            names = (workshop.key, workshop.name, workshop.name_sv, workshop.name_en)
            for name in (*names, *workshop.aliases):
                if name:
                    workshops[name] = workshop.key
        return Vocabulary(towns=towns, workshops=workshops)

    def municipality(self, text: str) -> MunicipalityInfo | None:
        """A municipality by its name in either language, its slug, or a name with a typo."""
        wanted = slug(text)
        for municipality in self.municipalities:
            if wanted in {slug(municipality.name), slug(municipality.name_sv or "")}:
                return municipality
        town = find_town(text, self.vocabulary)
        return self.municipality_named(town) if town else None

    def municipality_named(self, name: str) -> MunicipalityInfo | None:
        """The municipality with exactly this Finnish name."""
        return next((m for m in self.municipalities if m.name == name), None)

    def municipality_by_id(self, municipality_id: int | None) -> MunicipalityInfo | None:
        """The municipality with this id."""
        return next((m for m in self.municipalities if m.id == municipality_id), None)

    def workshop(self, text: str) -> WorkshopInfo | None:
        """A workshop by key, name in any language, alias or a distinctive part of a name."""
        wanted = slug(text)
        for workshop in self.workshops:
            if wanted == workshop.key:
                return workshop
        key = find_workshop(text, self.vocabulary)
        return self.workshop_by_key(key) if key else None

    def workshop_by_key(self, key: str) -> WorkshopInfo | None:
        """The workshop with this key."""
        return next((w for w in self.workshops if w.key == key), None)

    def workshop_by_id(self, workshop_id: int) -> WorkshopInfo | None:
        """The workshop with this id."""
        return next((w for w in self.workshops if w.id == workshop_id), None)

    def town(self, text: str) -> str | None:
        """A host town or municipality (canonical Finnish name) from a typed or inflected name."""
        return find_town(text, self.vocabulary)

    def town_title(self, town: str, language: str) -> str:
        """A town's name in the reader's language: Lojo, not Lohja, for a Swedish reader."""
        municipality = self.municipality_named(town)
        return municipality.title(language) if municipality else town

    def workshops_of(self, municipality_id: int) -> tuple[WorkshopInfo, ...]:
        """The workshops a municipality takes part in."""
        return tuple(w for w in self.workshops if municipality_id in w.municipality_ids)


# Per database (engine): the revision the copy was read at, and the copy.
_CACHE: WeakKeyDictionary[Engine, tuple[int, Directory]] = WeakKeyDictionary()


async def load_directory(session: AsyncSession) -> Directory:
    """Every name of the network: the copy in memory while the database's revision is the
    copy's, else read again. One small statement, or none when the transaction already
    brought the revision along (see `participant_of`)."""
    if session.info.get(CHANGED_NAMES):
        # This transaction changed names and may yet roll back: read them, keep nothing.
        return await _read_directory(session)
    engine = session.sync_session.get_bind()
    revision = session.info.get(SEEN_REVISION)
    if revision is None:
        revision = await session.scalar(select(revision_column())) or 0
    cached = _CACHE.get(engine) if isinstance(engine, Engine) else None
    if cached is not None and cached[0] == revision:
        return cached[1]
    # Read after the revision: a copy newer than its number is read again, never kept stale.
    directory = await _read_directory(session)
    if isinstance(engine, Engine):
        _CACHE[engine] = (revision, directory)
    return directory


async def _read_directory(session: AsyncSession) -> Directory:
    municipalities = (await session.scalars(select(Municipality).order_by(Municipality.name))).all()
    workshops = (
        await session.scalars(
            select(Workshop)
            .options(selectinload(Workshop.municipalities))
            .order_by(Workshop.position, Workshop.id)
        )
    ).all()
    places = (
        await session.scalars(select(Meeting.place).where(Meeting.place.is_not(None)).distinct())
    ).all()
    return Directory(
        municipalities=tuple(
            MunicipalityInfo(id=m.id, name=m.name, name_sv=m.name_sv) for m in municipalities
        ),
        workshops=tuple(
            WorkshopInfo(
                id=w.id,
                key=w.key,
                name=w.name,
                name_sv=w.name_sv,
                name_en=w.name_en,
                aliases=tuple(w.aliases),
                municipality_ids=tuple(m.id for m in w.municipalities),
            )
            for w in workshops
        ),
        places=tuple(sorted(p for p in places if p)),
    )
