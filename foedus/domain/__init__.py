"""Pure domain model: dates, events, claims and the status engine. No I/O here."""
