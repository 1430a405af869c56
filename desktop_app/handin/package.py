"""The hand-in file: a zip holding a manifest, the records and the
attachments' files, signed.

The signature is an HMAC-SHA256, with the key the office and the unit's copy
share, of every byte of the file before it; it is the zip's comment, the
last 64 characters of the file. A package altered after it was made (any
byte: a header, a member, the directory) no longer matches it, and only a
copy holding the key can make one that does.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.exchange.messages import Message
from desktop_app.handin import messages as M

FORMAT = 1
SUFFIX = ".cledger"
MANIFEST = "manifest.json"
RECORDS = "records.json"
FILES = "files/"
# Bigger than any ledger's hand-in: a member claiming more is not ours.
MAX_MEMBER = 2 * 1024**3


class BadPackage(ValueError):
    """The file is no hand-in package this ledger can take; says why."""

    def __init__(self, message: Message):
        super().__init__(message.text())
        self.message = message


@dataclass
class Package:
    manifest: dict[str, Any]
    records: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # member name under files/ -> bytes


SIGNATURE_LENGTH = 64  # hex digits of an HMAC-SHA256


def sign(body: bytes, key: str) -> str:
    return hmac.new(bytes.fromhex(key), body, hashlib.sha256).hexdigest()


def made_at(manifest: dict[str, Any]) -> str:
    """When the package was made, as people read it (to the second; the
    manifest keeps microseconds to order packages)."""
    return str(manifest.get("made_at") or "?")[:19]


def named(path: Path) -> Path:
    """path with the packages' suffix (报送 -> 报送.cledger)."""
    path = Path(path)
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


def write(package: Package, path: Path, key: str) -> str:
    """Write the package to path (through a temporary file, so a half-written
    package never carries the name); returns its signature."""
    members = {
        MANIFEST: json.dumps(package.manifest, ensure_ascii=False, indent=1).encode(),
        RECORDS: json.dumps(package.records, ensure_ascii=False).encode(),
    }
    members.update({FILES + name: data for name, data in package.files.items()})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
        z.comment = b"0" * SIGNATURE_LENGTH  # room for the signature, the file's last bytes
    body = buffer.getvalue()[:-SIGNATURE_LENGTH]
    signature = sign(body, key)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(body + signature.encode())
    tmp.replace(path)
    return signature


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest alone (who made it, for which office and period), before
    the key to check it with is known."""
    try:
        with zipfile.ZipFile(path) as z:
            manifest = json.loads(z.read(MANIFEST).decode())
    except FileNotFoundError:
        raise
    except IsADirectoryError as exc:
        raise BadPackage(M.message(M.NOT_A_PACKAGE, path.name, "a folder")) from exc
    except Exception as exc:  # any way a damaged zip fails (a bad method: NotImplementedError)
        raise BadPackage(M.message(M.NOT_A_PACKAGE, path.name, exc)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BadPackage(M.message(M.OTHER_FORMAT, path.name))
    return manifest


def read(path: Path, key: str) -> tuple[Package, str]:
    """The whole package, checked against its signature with key; returns it
    and its signature. Raises BadPackage when any byte differs."""
    data = path.read_bytes()
    body, signature = data[:-SIGNATURE_LENGTH], data[-SIGNATURE_LENGTH:]
    try:
        signature_text = signature.decode("ascii")
    except UnicodeDecodeError:
        signature_text = ""
    if len(data) <= SIGNATURE_LENGTH or not hmac.compare_digest(signature_text, sign(body, key)):
        raise BadPackage(M.message(M.ALTERED, path.name))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = {}
            for info in z.infolist():
                if info.file_size > MAX_MEMBER or info.is_dir():
                    raise BadPackage(M.message(M.DAMAGED, path.name, info.filename))
                members[info.filename] = z.read(info)
    except BadPackage:
        raise
    except Exception as exc:  # any way damaged bytes fail to read
        raise BadPackage(M.message(M.DAMAGED, path.name, exc)) from exc
    try:
        manifest = json.loads(members.pop(MANIFEST).decode())
        records = json.loads(members.pop(RECORDS).decode())
    except (KeyError, ValueError, UnicodeDecodeError) as exc:
        raise BadPackage(M.message(M.INCOMPLETE, path.name, exc)) from exc
    files = {name[len(FILES) :]: data for name, data in members.items() if name.startswith(FILES)}
    return Package(manifest, records, files), signature_text
