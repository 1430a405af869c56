"""Spreadsheets in and out: Excel/CSV import (read, map, check, dedupe) and export.

No Qt here: the command line runs it as it is, and the GUI wizard runs it in a
worker thread, passing progress and cancel callables and translating the
Message objects it gets back.

- reader: open a file safely (size, zip members, encryption, CSV encodings)
  and stream its rows;
- header: find the header row and map columns to fields by label or synonym;
- convert: a cell as the form holds it (dates typed every way, numbers, text,
  several names in one cell);
- importer: plan_import() → ImportPlan (rows, problems, duplicates, actions),
  then execute(plan, ImportOptions) in one write transaction;
- report: the error report as .xlsx;
- export: a list (ListQuery + columns) to .xlsx or .csv;
- labels, messages: field labels without Qt; translatable messages.
"""
