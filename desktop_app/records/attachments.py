"""Files attached to records, stored once by content hash beside the database.

The database keeps name, size and hash; the bytes live in
<database folder>/<database name>-files/<sha256><suffix>, so attaching the same
scan to three records stores it once, and a backup of the folder is plain files.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from desktop_app.server import files as server_files
from desktop_app.store import models as m
from desktop_app.store.db import (
    current_operator,
    current_path,
    current_url,
    database_proxy,
    is_read_only,
    on_server,
    stand_in_path,
    write_transaction,
)


def files_dir() -> Path:
    """The folder of the open ledger's files; for a server ledger this PC's
    cache of them (the bytes live on the server, see server/files.py)."""
    url = current_url()
    db_path = stand_in_path(url) if url else current_path()
    if db_path is None:
        raise RuntimeError("no database open")
    folder = db_path.parent / f"{db_path.stem}-files"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def stored_path(att: m.Attachment) -> Path:
    """Where the attachment's bytes are on this PC (a server ledger's are
    fetched into the cache the first time)."""
    path = files_dir() / f"{att.file_hash}{Path(att.file_name).suffix.lower()}"
    if on_server() and not path.exists():
        server_files.fetch(database_proxy.obj, path.name, path)
    return path


def add_file(
    record_type: str, record_id: int, source: str | Path, description: str = ""
) -> m.Attachment:
    source = Path(source)
    if is_read_only():
        raise PermissionError("the ledger is open read-only")
    _guard_unit_copy(record_type, record_id)
    if not source.is_file():
        raise FileNotFoundError(str(source))
    digest = _sha256(source)
    target = files_dir() / f"{digest}{source.suffix.lower()}"
    if not target.exists():
        tmp = target.with_suffix(target.suffix + ".part")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
    with write_transaction():
        if on_server():
            server_files.put(database_proxy.obj, target.name, target.read_bytes())
        return m.Attachment.create(
            record_type=record_type,
            record_id=record_id,
            file_hash=digest,
            file_name=source.name,
            size=source.stat().st_size,
            description=description,
            added_by=current_operator(),
        )


def _guard_unit_copy(record_type: str, record_id: int) -> None:
    """A unit's copy attaches files to its own unit's records only."""
    from desktop_app.handin import roles
    from desktop_app.records.specs import spec_for

    spec = spec_for(record_type)
    unit = None
    if spec.unit_field:
        record = spec.model.get_or_none(spec.model.id == record_id)
        unit = getattr(record, spec.field(spec.unit_field).column_name, None) if record else None
    if roles.refusal(record_type, [unit] if spec.unit_field else []) is not None:
        raise PermissionError("a unit's ledger attaches files to its own records only")


def path_of(attachment_id: int) -> Path:
    return stored_path(m.Attachment.get_by_id(attachment_id))


def list_for(record_type: str, record_id: int) -> list[m.Attachment]:
    return list(
        m.Attachment.select()
        .where((m.Attachment.record_type == record_type) & (m.Attachment.record_id == record_id))
        .order_by(m.Attachment.added_at, m.Attachment.id)
    )


def remove(attachment_id: int) -> None:
    """Unlink an attachment; the stored file goes when no record uses it."""
    att = m.Attachment.get_by_id(attachment_id)
    path = stored_path(att)
    with write_transaction():
        att.delete_instance()
        if on_server() and _may_drop_bytes() and not _still_used(att, path):
            server_files.drop(database_proxy.obj, path.name)
    if not _still_used(att, path):
        path.unlink(missing_ok=True)


def _may_drop_bytes() -> bool:
    """Stored bytes are shared by every record holding the same file: only an
    administrator removes them (a unit's removal leaves them, unused)."""
    from desktop_app.server import session

    user = session.current()
    return user is None or user.role == "admin"


def _still_used(att: m.Attachment, path: Path) -> bool:
    # Same bytes under another suffix (.jpg / .jpeg) are a different stored
    # file: only attachments that resolve to this very path keep it alive.
    others = m.Attachment.select().where(m.Attachment.file_hash == att.file_hash)
    # A record in the recycle bin still owns its files: restoring it brings them back.
    binned = m.DeletedRecord.select().where(m.DeletedRecord.payload.contains(att.file_hash))
    suffix = path.suffix
    return binned.exists() or any(
        Path(other.file_name).suffix.lower() == suffix for other in others
    )
