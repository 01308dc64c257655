"""The outbox's planning: which reminders and notices are due when, written as rows.

Below the services, which call it in the transaction that changes a meeting or a membership."""
