"""The users' world as tables: networks, municipalities, workshops, meetings, members.

Every model is importable from here (`from storage.models import Meeting`), and importing
this package registers every table on `Base.metadata`, which the migrations compare with.
"""

from storage.models.base import NAMING_CONVENTION, AwareDateTime, Base, Id, stored_enum, utcnow
from storage.models.coordination import (
    Announcement,
    AnnouncementState,
    AuditEntry,
    Invite,
    MinutesRequest,
    PendingImport,
)
from storage.models.members import (
    ForgottenCount,
    GroupChat,
    Member,
    Role,
    Rsvp,
    RsvpAnswer,
    Subscription,
    SubscriptionSource,
    WorkshopRepresentative,
)
from storage.models.network import (
    Coordinator,
    Meeting,
    MeetingStatus,
    Minutes,
    Municipality,
    Network,
    Workshop,
    workshop_municipality,
)
from storage.models.outbox import Outbox, OutboxStatus, SendBudget
from storage.models.polls import DatePoll, PollAnswer, PollCandidate, PollState, PollVote
from storage.models.revision import (
    CHANGED_NAMES,
    SEEN_REVISION,
    DirectoryRevision,
    revision_column,
)
from storage.models.surveys import (
    MeetingFeedback,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
    SurveyState,
)

__all__ = [
    "CHANGED_NAMES",
    "NAMING_CONVENTION",
    "SEEN_REVISION",
    "Announcement",
    "AnnouncementState",
    "AuditEntry",
    "AwareDateTime",
    "Base",
    "Coordinator",
    "DatePoll",
    "DirectoryRevision",
    "ForgottenCount",
    "GroupChat",
    "Id",
    "Invite",
    "Meeting",
    "MeetingFeedback",
    "MeetingStatus",
    "Member",
    "Minutes",
    "MinutesRequest",
    "Municipality",
    "Network",
    "Outbox",
    "OutboxStatus",
    "PendingImport",
    "PollAnswer",
    "PollCandidate",
    "PollState",
    "PollVote",
    "QuestionKind",
    "Role",
    "Rsvp",
    "RsvpAnswer",
    "SendBudget",
    "Subscription",
    "SubscriptionSource",
    "Survey",
    "SurveyAnswer",
    "SurveyOption",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveyState",
    "Workshop",
    "WorkshopRepresentative",
    "revision_column",
    "stored_enum",
    "utcnow",
    "workshop_municipality",
]
