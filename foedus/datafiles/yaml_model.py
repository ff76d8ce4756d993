"""Load a YAML file into a pydantic model; errors name the file, line and field.

ruamel.yaml's round-trip loader remembers where every key and item sits in
the file, so a pydantic validation error's location (``withdrawal →
notice_months``) can be turned back into ``csto.yaml:212``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

__all__ = ["DataFileError", "Problem", "read_yaml", "load_model", "line_of", "plain"]

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataFileError(ValueError):
    """One or more problems in a data file; nothing from it has been written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_yaml(path: Path) -> Any:
    """Parse ``path`` keeping line information; YAML syntax errors become a DataFileError."""
    yaml = YAML(typ="rt")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError([Problem(str(path), None, "", f"cannot read: {exc}")]) from exc
    try:
        return yaml.load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError([Problem(str(path), line, "", f"invalid YAML: {getattr(exc, 'problem', exc)}")]) from exc


def line_of(doc: Any, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the deepest node of ``loc`` that exists in ``doc``."""
    node, line = doc, None
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            break
    if line is None and isinstance(doc, (CommentedMap, CommentedSeq)):
        line = doc.lc.line + 1
    return line


def plain(node: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists (dates stay dates)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node


def _field_name(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc).replace(".[", "[")


def problems_from(path: Path, doc: Any, exc: ValidationError, prefix: tuple[Any, ...] = ()) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = prefix + tuple(p for p in err["loc"] if p not in ("function-after", "function-before"))
        out.append(Problem(str(path), line_of(doc, loc), _field_name(loc), err["msg"]))
    return out


def load_model(path: Path, model: type[M], doc: Any = None) -> M:
    """Validate the YAML at ``path`` as ``model``; raise DataFileError naming file, line and field."""
    doc = read_yaml(path) if doc is None else doc
    if doc is None:
        raise DataFileError([Problem(str(path), None, "", "file is empty")])
    try:
        return model.model_validate(plain(doc))
    except ValidationError as exc:
        raise DataFileError(problems_from(path, doc, exc)) from exc
