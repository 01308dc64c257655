"""Files: those users send (for getFile and downloading) and those the bot uploads."""

from __future__ import annotations

import itertools
import secrets

from aiohttp import web

from bot.console.bot_api.errors import bad_request
from bot.console.bot_api.records import JSONDict, UploadedFile


class FileStore:
    """Users' files by file_id and path; the bot's uploads by the file_id they were given."""

    def __init__(self) -> None:
        """No files yet."""
        # Files users sent: file_id -> (file_path, bytes).
        self.from_users: dict[str, tuple[str, bytes]] = {}
        self._uploads: dict[str, UploadedFile] = {}
        self._upload_ids = itertools.count(1)
        # Telegram's file ids are never given twice. Counted from 1 in every run, an id the
        # bot kept from an earlier run (a minutes file in its database) would name another
        # file of this run and send it instead of being refused; the run's mark prevents it.
        self.run = secrets.token_hex(4)

    def user_file_id(self, kind: str, message_id: int) -> str:
        """A new file_id for a file a user sends (`doc`, `photo`) in message `message_id`."""
        return f"{kind}{self.run}-{message_id}"

    def keep_upload(self, upload: UploadedFile, key: str) -> str:
        """Keep a file the bot sent as ``key`` (document, photo); return its new file_id."""
        prefix = "BQAC" if key == "document" else "AgAC"
        file_id = f"{prefix}Fake{self.run}-{next(self._upload_ids)}"
        self._uploads[file_id] = upload
        return file_id

    def content_type(self, file_id: str | None) -> str | None:
        """The content type the bot gave an upload, if any."""
        upload = self._uploads.get(file_id or "")
        return upload.content_type if upload is not None else None

    def media_input(self, params: JSONDict, key: str) -> UploadedFile:
        """The file a send method names in ``key``: uploaded, re-sent by file_id, or a URL."""
        value = params.get(key)
        if isinstance(value, UploadedFile):
            return value
        if isinstance(value, str) and value:
            if value in self._uploads:
                return self._uploads[value]
            if value in self.from_users:
                # A file a user sent: the bot passes it on by its file_id.
                path, content = self.from_users[value]
                return UploadedFile(filename=path.rsplit("/", 1)[-1], content=content)
            if value.startswith(("http://", "https://")):
                return UploadedFile(filename=value.rsplit("/", 1)[-1] or None, content=b"")
        if value is None or value == "":
            raise bad_request(f"there is no {key} in the request")
        raise bad_request("wrong file identifier/HTTP URL specified")

    async def get_file(self, params: JSONDict) -> JSONDict:
        """getFile: where a file a user sent can be downloaded."""
        file_id = str(params.get("file_id", ""))
        if file_id not in self.from_users:
            raise bad_request("wrong file_id or the file is temporarily unavailable")
        file_path, content = self.from_users[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(content),
            "file_path": file_path,
        }

    def download(self, path: str, token: str) -> web.Response:
        """GET file/bot<token>/<file_path>: the bytes of a file a user sent."""
        token_part, _, file_path = path.partition("/")
        if token_part != f"bot{token}":
            return web.Response(status=401)
        for stored_path, content in self.from_users.values():
            if stored_path == file_path:
                return web.Response(body=content)
        return web.Response(status=404)
