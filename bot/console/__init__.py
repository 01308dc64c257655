"""The bot without Telegram: a local Bot API server and a terminal chat on top of it."""
