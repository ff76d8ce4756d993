"""Reading the project's YAML data files (specs, registry, reference ledger) with precise errors."""
