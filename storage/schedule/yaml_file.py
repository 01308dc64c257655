"""Reading a YAML schedule: the text to plain data that remembers every value's line."""

from __future__ import annotations

from typing import Any

import yaml

from storage.schedule.checks import check_references, validate_pieces
from storage.schedule.errors import ScheduleError, ScheduleInvalid
from storage.schedule.problems import Location
from storage.schedule.specs import Schedule

# A schedule of a network is a few thousand values; far more is a mistake or an attack
# (aliases can make a short text a huge document).
MAX_YAML_NODES = 200_000
# A schedule nests five levels (workshops, a workshop, meetings, a meeting, its agenda).
# Composing a document is recursive, so thousands of levels would exhaust the stack.
MAX_YAML_DEPTH = 20


def read_yaml(text: str) -> Schedule:
    """Check a YAML schedule whole; raises `ScheduleInvalid` listing every problem."""
    try:
        # BaseLoader keeps every scalar a string: `13:00` must not become 780 (YAML 1.1
        # sexagesimal) nor `2009-01-15` a date before our own checks see it.
        _check_depth(text)
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        raise ScheduleInvalid(
            [
                ScheduleError(
                    "yaml_syntax", line=line, params={"detail": str(error.problem or error)}
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise ScheduleInvalid(
            [ScheduleError("yaml_syntax", params={"detail": str(error)})]
        ) from None
    if root is None:
        raise ScheduleInvalid([ScheduleError("empty_file")])
    if not isinstance(root, yaml.MappingNode):
        raise ScheduleInvalid([ScheduleError("not_mapping", line=root.start_mark.line + 1)])

    walker = _YamlWalker()
    data = walker.to_python(root, ())
    errors = list(walker.errors)
    schedule, cross_errors = check_references(
        validate_pieces(data, walker.line_of, errors), walker.line_of
    )
    errors += cross_errors
    if errors or schedule is None:
        raise ScheduleInvalid(sorted(errors, key=lambda e: (e.line or 0, e.field or "")))
    return schedule


def _check_depth(text: str) -> None:
    """Refuse a document nested deeper than a schedule can be, before composing it."""
    depth = 0
    # The parser is a state machine, not recursive: its events are safe to count.
    for event in yaml.parse(text, Loader=yaml.BaseLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise ScheduleInvalid(
                    [ScheduleError("too_deep", line=line, params={"limit": str(MAX_YAML_DEPTH)})]
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _YamlWalker:
    """Turns YAML nodes into plain data, remembering the line of every value."""

    def __init__(self) -> None:
        self.lines: dict[Location, int] = {}
        self.errors: list[ScheduleError] = []
        self.nodes = 0

    def to_python(self, node: yaml.Node, location: Location) -> Any:
        self.nodes += 1
        if self.nodes > MAX_YAML_NODES:
            raise ScheduleInvalid(
                [ScheduleError("too_large", params={"limit": f"{MAX_YAML_NODES} values"})]
            )
        self.lines[location] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                child = (*location, key)
                if key in result:
                    self.errors.append(
                        ScheduleError(
                            "duplicate_field", line=key_node.start_mark.line + 1, field=key
                        )
                    )
                    continue
                result[key] = self.to_python(value_node, child)
                # The key's own line is where a reader looks for "unknown field" and friends.
                self.lines[child] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [
                self.to_python(item, (*location, index)) for index, item in enumerate(node.value)
            ]
        return node.value

    def line_of(self, location: Location) -> int | None:
        """The line of the deepest known part of `location`."""
        for end in range(len(location), -1, -1):
            if (line := self.lines.get(location[:end])) is not None:
                return line
        return None
