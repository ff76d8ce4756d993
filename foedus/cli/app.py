"""Entry point: assembles the command modules into one Typer app."""
from __future__ import annotations

from foedus.cli.base import app

# Each module registers its commands on `app` when imported.
from foedus.cli import core_cmds  # noqa: F401,E402  load, members, status, timeline, events, claims
from foedus.cli import extract_cmds  # noqa: F401,E402  extract, ingest, show-doc
from foedus.cli import reasoning_cmds  # noqa: F401,E402  casus, withdraw, decide
from foedus.cli import atop_cmds  # noqa: F401,E402  import atop, alliances, contradictions


def main() -> None:
    app()


if __name__ == "__main__":
    main()
