"""Import ATOP 5.1 (Alliance Treaty Obligations and Provisions) and check the engine against it.

Pure functions and I/O are kept apart:

* :mod:`foedus.atop.dataset` parses and validates the CSV text (no file access
  except :func:`~foedus.atop.dataset.read_directory`);
* :mod:`foedus.atop.codes` maps Correlates of War country codes to actor ids;
* :mod:`foedus.atop.rules` reads the variable-to-provision mapping;
* :mod:`foedus.atop.build` turns validated records into specs, documents and
  events (pure);
* :mod:`foedus.atop.bulk` writes them to the ledger in one transaction;
* :mod:`foedus.atop.importer` ties the above together;
* :mod:`foedus.atop.timeline` derives membership over time with the status
  engine; :mod:`foedus.atop.queries`, :mod:`foedus.atop.stateyear` and
  :mod:`foedus.atop.contradictions` answer questions with it.
"""
