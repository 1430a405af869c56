"""A real ledger file per test and helpers that build real workbooks in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook


@pytest.fixture
def ledger(ledger_path):
    return ledger_path


def workbook(path: Path, rows: list[list], merges: tuple[str, ...] = (), title: str = "Sheet1"):
    """Write rows (lists of cell values, None for empty) as the only sheet of path."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path
