"""Everything that touches python-telegram-bot: the send path, the rate limiter,
callback data, the typed context, the update processor and the command menus."""
