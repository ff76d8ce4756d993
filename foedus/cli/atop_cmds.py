"""atop commands (filled in by their issue)."""
from foedus.cli.base import app  # noqa: F401
