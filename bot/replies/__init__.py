"""Replies: a request in, a `Reply` out, with its texts; nothing here knows Telegram."""
