"""Cooperation Ledger (合作台账)."""

from pathlib import Path

__version__ = "0.1.0"

# Resources live beside the package in the source tree (installed editable).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
