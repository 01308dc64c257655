"""The outbox: every message the bot sends on its own initiative (DESIGN.md, "One outbox").

Planning writes rows; the dispatcher claims due rows, renders them in the recipient's
language at send time and sends them. The database is the only state.
"""
