"""The Windows version resource: what Explorer's Properties > Details shows."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "version_info", ROOT / "packaging" / "windows" / "version_info.py"
)
version_info = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(version_info)


def test_versions_become_four_numbers():
    assert version_info.numeric("0.1.0") == (0, 1, 0, 0)
    assert version_info.numeric("1.2.3rc1") == (1, 2, 3, 0)
    assert version_info.numeric("2.0") == (2, 0, 0, 0)
    assert version_info.numeric("1.2.3.4.5") == (1, 2, 3, 4)


def test_resource_names_the_product_and_the_project_version(tmp_path):
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    version = re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1)
    out = tmp_path / "version_info.txt"
    version_info.main(version, str(out), "CoopLedgerW")
    text = out.read_text("utf-8")
    assert "StringStruct('ProductName', '合作台账 Cooperation Ledger')" in text
    assert f"StringStruct('ProductVersion', '{version}')" in text
    assert f"filevers={version_info.numeric(version)}" in text
    assert "StringStruct('OriginalFilename', 'CoopLedgerW.exe')" in text
    # PyInstaller evaluates the file as Python: it must at least parse.
    compile(text, str(out), "eval")


def test_installer_and_build_agree_on_the_program_files():
    """The installer removes exactly the files the build makes, so an upgrade
    leaves no stale file and an uninstall leaves nothing of ours behind."""
    nsi = (ROOT / "packaging" / "windows" / "installer.nsi").read_text("utf-8")
    spec = (ROOT / "packaging" / "windows" / "coop_ledger.spec").read_text("utf-8")
    for launcher in ("CoopLedger", "CoopLedgerW"):
        assert f'name="{launcher}"' in spec
        assert f'Delete "$INSTDIR\\{launcher}.exe"' in nsi
    assert 'RMDir /r "$INSTDIR\\_internal"' in nsi
    # Never a recursive delete of the install folder itself: a user may have
    # chosen a folder that holds their own files.
    assert 'RMDir /r "$INSTDIR"' not in nsi
    assert "CoopLedger\\ledger" not in nsi  # the data folder is never named, never touched
