"""Application services: use cases that combine data files, the ledger and the domain engines."""
