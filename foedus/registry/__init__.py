"""The actor registry: states, organisations, regions and people, with their names."""
