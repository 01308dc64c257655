"""Every kind of button reads back what it wrote, in the wire format old keyboards still send."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.language.periods import Period
from bot.replies.asking_buttons import ClosePoll, FeedbackButton, PollAction, PollVoteButton
from bot.replies.buttons import (
    ArchivePage,
    ChooseLanguage,
    ChooseMunicipality,
    FollowWorkshop,
    ForgetAnswer,
    MeetingChoice,
    MoreMeetings,
    RsvpButton,
    ShowMinutes,
    StopMinutes,
)
from bot.replies.staff_buttons import (
    AnnouncementAction,
    ChooseAudience,
    MeetingChangeAction,
    MeetingStep,
    PastedWorkshop,
    ScheduleUpload,
)
from bot.services.meetings import MeetingFilter
from storage.models import PollAnswer, RsvpAnswer
from tests.helpers.hostile import hostile_text

KINDS = [
    (ChooseMunicipality(12), "mun:12"),
    (ChooseLanguage("sv"), "lang:sv"),
    (FollowWorkshop("join", 3), "join:3"),
    (FollowWorkshop("leave", 3), "leave:3"),
    (RsvpButton(7, RsvpAnswer.GOING), f"rsvp:7:{RsvpAnswer.GOING.value}"),
    (AnnouncementAction("ok", 5), "ann:ok:5"),
    (AnnouncementAction("pm", 5), "ann:pm:5"),
    (ChooseAudience("w", 5, 0), "ann:w:5:0"),
    (ScheduleUpload("no", 9), "imp:no:9"),
    (MeetingChangeAction("ok", 9), "chg:ok:9"),
    (MeetingStep("w", 3), "mdl:w:3"),
    (MeetingStep("x"), "mdl:x:0"),
    (PastedWorkshop(9, 2), "imw:9:2"),
    (ForgetAnswer("yes"), "forget:yes"),
    (ShowMinutes(4), "min:show:4"),
    (StopMinutes(), "min:stop"),
    (ArchivePage(2, frozenset({3, 1})), "arc:2:1.3"),
    (ArchivePage(2, None), "arc:2:"),
    (PollAction("ok", 3), "poll:ok:3"),
    (PollVoteButton(3, 2, PollAnswer.MAYBE), "vote:3:2:maybe"),
    (ClosePoll(3, 1), "pclose:3:1"),
    (FeedbackButton(12, 4), "fbk:12:4"),
    (FeedbackButton(12, 0), "fbk:12:0"),
    (MeetingChoice("attendance", 23), "ref:att:23"),
    (
        MeetingChoice("editmeeting", 23, 'time=13-15 venue="Sali: 2"'),
        'ref:edit:23:time=13-15 venue="Sali: 2"',
    ),
    (MeetingChoice("maybe", 23), "ref:may:23"),
    (
        MoreMeetings(
            2,
            MeetingFilter(
                workshop_ids=frozenset({4}), period=Period(date(2009, 3, 1), date(2009, 3, 31))
            ),
        ),
        "mtg:2:w4,p2009030120090331",
    ),
]


@pytest.mark.parametrize(("button", "data"), KINDS)
def test_a_button_keeps_its_wire_format_and_reads_back(button: Any, data: str) -> None:
    kind = type(button)
    assert button.encode() == data
    assert kind.decode(data) == button
    assert re.match(kind.pattern, data)


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (ChooseMunicipality, "mun:²"),
        (ChooseMunicipality, "mun:1:2"),
        (FollowWorkshop, "join:-1"),
        (RsvpButton, "rsvp:7:perhaps"),
        (AnnouncementAction, "ann:ok:5:7"),
        (ChooseAudience, "ann:w:5:"),
        (ScheduleUpload, "imp:yes:9"),
        (MeetingChangeAction, "chg:ok:-9"),
        (MeetingStep, "mdl:q:1"),
        (PastedWorkshop, "imw:9"),
        (PastedWorkshop, "imw:9:x"),
        (ForgetAnswer, "forget:yes:no"),
        (ShowMinutes, "min:read:4"),
        (ArchivePage, "arc:0:"),
        (ArchivePage, "arc:1:3..4"),
        (MoreMeetings, "mtg:1:p2009023020090331"),
        (MoreMeetings, "mtg:1:x"),
        (ChooseLanguage, "lang:" + "x" * 64),
        (PollAction, "poll:yes:3"),
        (PollVoteButton, "vote:3:2:kylla"),
        (PollVoteButton, "vote:3:x:yes"),
        (ClosePoll, "pclose:3:1,2"),
        (FeedbackButton, "fbk:12:-1"),
        (FeedbackButton, "fbk:12:4:1"),
        (FeedbackButton, "fbk:x:4"),
        (MeetingChoice, "ref:delete:23"),
        (MeetingChoice, "ref:att:x"),
        (MeetingChoice, "ref:att"),
        (MeetingChoice, "ref:min:1:" + "x" * 64),
    ],
)
def test_forged_data_is_no_button(kind: Any, data: str) -> None:
    assert kind.decode(data) is None


def test_a_command_too_long_for_a_button_is_said_not_to_fit() -> None:
    assert MeetingChoice("minutes", 23, "Läsnä 9.").fits()
    assert not MeetingChoice("minutes", 23, "Päätökset: " + "ä" * 30).fits()


def test_long_filters_and_scopes_are_dropped_to_fit_telegrams_64_bytes() -> None:
    scope = frozenset(range(1000, 1030))
    assert ArchivePage(3, scope).encode() == "arc:3:"
    assert MoreMeetings(3, MeetingFilter(workshop_ids=scope)).encode() == "mtg:3:"


# Random and hostile input: button data read or refused, never a crash.
@settings(max_examples=300, deadline=None)
@given(
    st.one_of(hostile_text, st.from_regex(r"mtg:[0-9]{1,30}:(w[0-9.]{0,40}|t.{0,20}|p[0-9]{16})?"))
)
def test_any_button_data_is_read_or_refused(data: str) -> None:
    decoded = MoreMeetings.decode(data)
    if decoded is not None:
        assert 0 < decoded.page < 10_000
