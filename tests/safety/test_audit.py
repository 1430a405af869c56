"""The change history: an entry per changed field with its operator, and a hash
chain that `coop-ledger audit verify` checks."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app import cli
from desktop_app.records import audit, service
from desktop_app.records.specs import INSTITUTION_SPEC
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from tests import rawdb


def test_each_changed_field_is_an_entry_with_its_operator(make):
    store_db.set_operator("王海江")
    rid = make("institution", name="中北大学", phone="0351-3921234")
    store_db.set_operator("李明")
    values = service.load(INSTITUTION_SPEC, rid)
    values.update(name="中北大学（太原）", phone="0351-3920000", city="太原")
    service.save(INSTITUTION_SPEC, values, rid)
    service.save(INSTITUTION_SPEC, values, rid)  # nothing changed: no entry

    entries = audit.history("institution", rid)  # newest first
    changes = {(e.field, e.old_value, e.new_value) for e in entries if e.action == "update"}
    assert changes == {
        ("name", "中北大学", "中北大学（太原）"),
        ("phone", "0351-3921234", "0351-3920000"),
        ("city", "", "太原"),
    }
    assert [e.action for e in entries] == ["update"] * 3 + ["create"]
    assert {e.operator for e in entries if e.action == "update"} == {"李明"}
    assert entries[-1].operator == "王海江"
    assert '"中北大学"' in entries[-1].new_value  # the create entry holds the whole record
    assert all(e.title == "中北大学（太原）" for e in entries[:3])
    assert m.Institution.get_by_id(rid).changed_by == "李明"
    assert audit.operators() == ["李明", "王海江"]
    assert [e.id for e in audit.change_log(operator="王海江")] == [entries[-1].id]


def _tamper(path, sql: str, *params) -> None:
    rawdb.tamper(path, (sql, params))


def test_audit_verify_intact_chain_returns_0(make, ledger, capsys):
    make("unit", name="县委组织部")
    make("institution", name="中北大学")
    assert cli.main(["audit", "verify", "--db", str(ledger)]) == 0
    out = capsys.readouterr().out
    assert "2 entries, chain intact" in out and audit.head_code() in out


def test_audit_verify_finds_a_value_changed_behind_the_programs_back(make, ledger, capsys):
    rid = make("institution", name="中北大学", phone="0351-3921234")
    values = service.load(INSTITUTION_SPEC, rid)
    service.save(INSTITUTION_SPEC, {**values, "phone": "0351-3920000"}, rid)
    make("unit", name="县委组织部")
    changed = m.AuditEntry.get(m.AuditEntry.field == "phone")
    store_db.close()

    _tamper(ledger, "UPDATE audit_entry SET old_value = ? WHERE id = ?", "110", changed.id)

    assert cli.main(["audit", "verify", "--db", str(ledger)]) == 1
    out = capsys.readouterr().out
    assert f"broken at entry {changed.id} " in out
    assert "update institution #1" in out and "changed outside the program" in out


def test_audit_verify_finds_a_deleted_entry(make, ledger, capsys):
    for name in ("县委组织部", "县科技局", "县农业农村局"):
        make("unit", name=name)
    store_db.close()
    _tamper(ledger, "DELETE FROM audit_entry WHERE id = 2")
    assert cli.main(["audit", "verify", "--db", str(ledger)]) == 1
    assert "broken at entry 3 " in capsys.readouterr().out


def test_audit_verify_of_a_missing_file(tmp_path, capsys):
    assert cli.main(["audit", "verify", "--db", str(tmp_path / "nope.sqlite")]) == 2
    assert "no ledger file at" in capsys.readouterr().err


# Bytes that are no UTF-8: only a file can hold them (a server keeps valid text).
@pytest.mark.sqlite_only
def test_audit_verify_names_the_entry_for_any_single_byte_change(make, ledger, capsys):
    """A byte changed anywhere in a log row (invalid UTF-8, a word where a number
    was) is reported as the broken entry with exit 1, never a traceback."""
    import random
    import shutil

    for i in range(4):
        make("institution", name=f"测试大学{i}", short_name=f"测{i}")
    store_db.close()
    table = m.AuditEntry._meta.table_name
    con = sqlite3.connect(ledger)
    ids = [r[0] for r in con.execute(f'SELECT id FROM "{table}" ORDER BY id')]
    con.close()
    columns = ["at", "operator", "action", "record_type", "record_id", "title"]
    columns += ["field", "old_value", "new_value", "prev_hash", "hash"]
    rng = random.Random(12)
    pristine = ledger.with_name("pristine.sqlite")
    shutil.copy(ledger, pristine)
    for trial in range(120):
        shutil.copy(pristine, ledger)
        entry, column = rng.choice(ids), rng.choice(columns)
        con = sqlite3.connect(ledger)
        raw = (
            con.execute(
                f'SELECT CAST("{column}" AS BLOB) FROM "{table}" WHERE id = ?', (entry,)
            ).fetchone()[0]
            or b"x"
        )
        pos = rng.randrange(len(raw))
        changed = raw[:pos] + bytes([raw[pos] ^ (1 << rng.randrange(8))]) + raw[pos + 1 :]
        con.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', (changed, entry))
        con.commit()
        con.close()
        assert cli.main(["audit", "verify", "--db", str(ledger)]) == 1, (trial, column)
        out = capsys.readouterr().out
        assert f"broken at entry {entry} " in out, (trial, column, changed, out)
        store_db.close()


def test_audit_verify_finds_the_newest_entries_or_all_of_them_deleted(make, ledger, capsys):
    """Trimming from the end left a chain that verified; the file header keeps
    the chain's length and head, which deleting rows cannot reach."""

    for i in range(3):
        make("institution", name=f"测试大学{i}")
    store_db.close()
    assert cli.main(["audit", "verify", "--db", str(ledger)]) == 0
    table = m.AuditEntry._meta.table_name
    newest = f'id = (SELECT MAX(id) FROM "{table}")'
    for where in (newest, "1 = 1"):  # the second deletes what is left
        _tamper(ledger, f'DELETE FROM "{table}" WHERE {where}')
        capsys.readouterr()
        assert cli.main(["audit", "verify", "--db", str(ledger)]) == 1, where
        assert "cut or extended outside the program" in capsys.readouterr().out
        store_db.close()


def test_an_older_ledger_is_sealed_when_it_is_upgraded(tmp_path, capsys):
    from tests.store.test_migrations import make_v1_file

    path = tmp_path / "old.sqlite"
    make_v1_file(path)
    from desktop_app.store.opening import open_ledger

    open_ledger(path)  # migrates the old file (after a backup)
    store_db.close()
    assert cli.main(["audit", "verify", "--db", str(path)]) == 0
    assert "chain intact" in capsys.readouterr().out
