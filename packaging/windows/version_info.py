"""Write the Windows version resource PyInstaller embeds in both launchers.

coop_ledger.spec writes one per launcher; by hand: version_info.py VERSION OUT_FILE [NAME].
Explorer's Properties > Details shows these strings.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

TEMPLATE = """# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={tuple4}, prodvers={tuple4}, mask=0x3f, flags=0x0, OS=0x40004,
    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404b0', [
        StringStruct('CompanyName', 'Cooperation Ledger'),
        StringStruct('FileDescription', '合作台账 Cooperation Ledger'),
        StringStruct('FileVersion', '{version}'),
        StringStruct('InternalName', '{name}'),
        StringStruct('LegalCopyright', 'MIT License'),
        StringStruct('OriginalFilename', '{name}.exe'),
        StringStruct('ProductName', '合作台账 Cooperation Ledger'),
        StringStruct('ProductVersion', '{version}')])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def numeric(version: str) -> tuple[int, int, int, int]:
    """0.1.0 → (0, 1, 0, 0); a suffix such as 'rc1' is dropped, Windows wants four numbers."""
    parts: list[int] = []
    for piece in version.split(".")[:4]:
        match = re.match(r"\d+", piece)  # 3rc1 → 3: only the leading number counts
        parts.append(int(match.group()) if match else 0)
    while len(parts) < 4:
        parts.append(0)
    return tuple(parts)  # type: ignore[return-value]


def write(version: str, out: str | Path, name: str = "CoopLedger") -> Path:
    """The resource of one launcher (name: CoopLedger or CoopLedgerW)."""
    text = TEMPLATE.format(version=version, tuple4=numeric(version), name=name)
    Path(out).write_text(text, encoding="utf-8")
    return Path(out)


def main(version: str, out: str, name: str = "CoopLedger") -> None:
    write(version, out, name)


if __name__ == "__main__":
    main(*sys.argv[1:4])
