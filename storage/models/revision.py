"""The directory's revision: a number every change of a name moves on.

Each process keeps the directory of names (municipalities, workshops, host towns) in
memory and compares this one number with the database at every update, so that an
import made by another process, or a meeting moved to a new town, is seen at the next
question. The number is moved by the session itself, whenever a flush or a bulk statement
writes one of the tables the directory is read from: no writer can forget it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, ScalarSelect, Table, event, func, insert, select, update
from sqlalchemy import inspect as orm_inspect
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, SessionTransaction, mapped_column

from storage.models.base import Base
from storage.models.network import Meeting, Municipality, Workshop, workshop_municipality

# Keys of `Session.info`: the revision read by this transaction (when a statement of its own
# already brought it), and whether this transaction changed a name itself.
SEEN_REVISION = "directory_revision_seen"
CHANGED_NAMES = "directory_changed"


class DirectoryRevision(Base):
    """One row: how many times the names of the network have changed."""

    __tablename__ = "directory_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, default=0)


def revision_column() -> ScalarSelect[int]:
    """The revision as a column another statement can carry along (0 if the row is missing)."""
    return select(func.coalesce(func.max(DirectoryRevision.number), 0)).scalar_subquery()


_NAMED = (Workshop, Municipality)
_TABLES: frozenset[Table] = frozenset(
    {
        Workshop.__table__,  # type: ignore[arg-type]
        Municipality.__table__,  # type: ignore[arg-type]
        Meeting.__table__,  # type: ignore[arg-type]
        workshop_municipality,
    }
)


def _changes_names(session: Session) -> bool:
    if any(isinstance(row, (*_NAMED, Meeting)) for row in (*session.new, *session.deleted)):
        return True
    for row in session.dirty:
        if isinstance(row, _NAMED) and session.is_modified(row):
            return True
        # Of a meeting, only its town is in the directory; a status or a time is not.
        if isinstance(row, Meeting) and orm_inspect(row).attrs.place.history.has_changes():
            return True
    return False


def _bump(session: Session) -> None:
    session.info[CHANGED_NAMES] = True
    session.info.pop(SEEN_REVISION, None)
    moved = session.execute(update(DirectoryRevision).values(number=DirectoryRevision.number + 1))
    if not getattr(moved, "rowcount", 1):
        # The row is gone (a database emptied table by table): start counting again above 0.
        session.execute(insert(DirectoryRevision).values(id=1, number=1))


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if _changes_names(session):
        _bump(session)


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if table is not None and table in _TABLES:
        _bump(state.session)


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(SEEN_REVISION, None)
        session.info.pop(CHANGED_NAMES, None)
