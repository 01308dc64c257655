"""The outbox's delivery: claim due rows, render them in each recipient's language, send
them through Telegram and record the outcome."""
