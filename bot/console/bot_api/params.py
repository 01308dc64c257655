"""A request's parameters as the bot meant them: query, JSON or form fields, and file parts."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from bot.console.bot_api.errors import bad_request
from bot.console.bot_api.records import JSONDict, UploadedFile

# PTB sends ``str`` values verbatim and JSON-encodes everything else, so "123" may be either the
# text "123" or the integer 123. Parameters that the Bot API defines as strings must therefore
# never be JSON-decoded; everything else is decoded when it is valid JSON.
_STRING_PARAMS = frozenset(
    {
        "action",
        "animation",
        "audio",
        "business_connection_id",
        "callback_query_id",
        "caption",
        "custom_emoji_id",
        "description",
        "document",
        "emoji",
        "file_id",
        "inline_message_id",
        "ip_address",
        "language_code",
        "message_effect_id",
        "name",
        "parse_mode",
        "photo",
        "query",
        "secret_token",
        "short_description",
        "sticker",
        "text",
        "thumbnail",
        "title",
        "url",
        "video",
        "voice",
    }
)


async def read_params(request: web.Request) -> JSONDict:
    """The parameters of a Bot API request, decoded; uploaded files as UploadedFile."""
    params: JSONDict = {k: decode_value(k, v) for k, v in request.query.items()}
    if request.method != "POST" or not request.can_read_body:
        return params
    content_type = request.content_type
    if content_type == "application/json":
        params.update(await _json_body(request))
    elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        await _read_form(request, params)
    return params


def decode_value(key: str, value: str) -> Any:
    """Undo PTB's form encoding: strings are sent verbatim, other values as JSON."""
    if key in _STRING_PARAMS:
        return value
    if key == "chat_id":
        # An int, or a "@channelusername" string.
        try:
            return int(value)
        except ValueError:
            return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def _json_body(request: web.Request) -> JSONDict:
    try:
        payload = await request.json()
    except ValueError as err:
        raise bad_request("can't parse JSON body") from err
    if not isinstance(payload, dict):
        raise bad_request("request body must be a JSON object")
    return payload


async def _read_form(request: web.Request, params: JSONDict) -> None:
    """Add a form's fields to ``params``, and its file parts where they are referenced."""
    files: dict[str, UploadedFile] = {}
    form = await request.post()
    for key, value in form.items():
        if isinstance(value, web.FileField):
            files[key] = UploadedFile(
                filename=value.filename,
                content=value.file.read(),
                content_type=value.content_type,
            )
        elif isinstance(value, bytes | bytearray):
            params[key] = decode_value(key, bytes(value).decode("utf-8"))
        else:
            params[key] = decode_value(key, value)
    for key, value in list(params.items()):
        # Media referenced as attach://<part> (e.g. thumbnails) point to a file part.
        if isinstance(value, str) and value.startswith("attach://"):
            part = value.removeprefix("attach://")
            if part in files:
                params[key] = files.pop(part)
    params.update(files)
