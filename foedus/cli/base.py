"""Shared pieces of the command line: the Typer app, output helpers, exit codes.

Command modules (``core_cmds``, ``extract_cmds``, ``reasoning_cmds``,
``atop_cmds``…) import :data:`app` from here and register their commands
with ``@app.command()``; :mod:`foedus.cli.app` imports them all.

Exit codes mean the same thing for every command:

==  ==========================================================
0   success
1   unexpected failure (a bug): the traceback is printed
2   bad usage: unknown option, malformed argument (Typer's own)
3   invalid input data: a spec, registry or article file is wrong
4   not found: unknown alliance, actor, document or territory
5   partial failure: a batch finished but some items failed
==  ==========================================================
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

__all__ = [
    "app", "console", "err_console", "EXIT_OK", "EXIT_BUG", "EXIT_USAGE", "EXIT_INVALID_DATA",
    "EXIT_NOT_FOUND", "EXIT_PARTIAL", "fail", "print_json", "to_jsonable", "parse_day", "escape",
]

EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_INVALID_DATA, EXIT_NOT_FOUND, EXIT_PARTIAL = 0, 1, 2, 3, 4, 5

app = typer.Typer(
    name="foedus",
    help="Military alliances as executable, evidence-backed specs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(highlight=False, soft_wrap=False)
err_console = Console(stderr=True, highlight=False)


def fail(message: str, code: int = EXIT_INVALID_DATA) -> NoReturn:
    """Print ``message`` (escaped: it may quote untrusted text) to stderr and exit."""
    err_console.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


def to_jsonable(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return to_jsonable(asdict(obj))
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json", exclude_none=True)
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    return obj


def print_json(obj: Any) -> None:
    """Write ``obj`` as JSON to stdout (no Rich markup processing)."""
    sys.stdout.write(json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2) + "\n")


def parse_day(value: str | None, option: str = "--on") -> date:
    """A full ISO day for ``--on``/``--from``/``--to``; today when omitted."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: expected a day as YYYY-MM-DD, got {value!r}", EXIT_USAGE)
