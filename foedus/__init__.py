"""foedus: military alliances as executable, evidence-backed specs."""
__version__ = "0.1.0"
