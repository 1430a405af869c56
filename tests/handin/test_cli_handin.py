"""`coop-ledger handin setup|export|import`, as a script would use them."""

from __future__ import annotations

from desktop_app import cli
from desktop_app.records import service
from desktop_app.records.specs import SPECS
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger
from tests.conftest import DEFAULTS


def _office(path) -> None:
    open_ledger(path)
    unit = service.save(SPECS["unit"], {"name": "县农业农村局"})
    service.save(SPECS["activity"], {**DEFAULTS["activity"], "title": "已有活动", "unit": unit})
    store_db.close()


def test_setup_export_import_from_the_command_line(tmp_path, capsys):
    office, copy, pkg = tmp_path / "office.sqlite", tmp_path / "agri.sqlite", tmp_path / "q3"
    _office(office)
    assert (
        cli.main(
            ["handin", "setup", "--unit", "县农业农村局", "--out", str(copy), "--db", str(office)]
        )
        == 0
    )
    assert "the copy for 县农业农村局" in capsys.readouterr().out
    open_ledger(copy)
    unit = m.Unit.get().id
    service.save(SPECS["activity"], {**DEFAULTS["activity"], "title": "新的对接活动", "unit": unit})
    store_db.close()
    assert (
        cli.main(
            [
                "handin",
                "export",
                "--period",
                "2023Q3",
                "--out",
                str(pkg),
                "--sender",
                "李明",
                "--db",
                str(copy),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "package 1 for 2023年第三季度: 1 new or changed record(s)" in out
    package_file = tmp_path / "q3.cledger"
    assert package_file.exists()
    assert cli.main(["handin", "import", str(package_file), "--dry-run", "--db", str(office)]) == 0
    out = capsys.readouterr().out
    assert "new\tactivity\t新的对接活动" in out and "dry run: nothing written" in out
    assert cli.main(["handin", "import", str(package_file), "--db", str(office)]) == 0
    assert "marked 已报送" in capsys.readouterr().out
    # The office's update back to the unit, received on the unit's copy.
    update = tmp_path / "u1.cledger"
    assert (
        cli.main(
            [
                "handin",
                "update",
                "--unit",
                "县农业农村局",
                "--out",
                str(update),
                "--db",
                str(office),
            ]
        )
        == 0
    )
    assert "update 1 for 县农业农村局" in capsys.readouterr().out
    assert cli.main(["handin", "import", str(update), "--db", str(copy)]) == 0
    assert "update 1 from the talent office" in capsys.readouterr().out
    assert cli.main(["handin", "import", str(package_file), "--db", str(office)]) == 0
    assert "already received" in capsys.readouterr().out
    open_ledger(office)
    assert {a.title for a in m.Activity.select()} == {"已有活动", "新的对接活动"}
    store_db.close()


def test_wrong_input_is_named_and_changes_nothing(tmp_path, capsys):
    office = tmp_path / "office.sqlite"
    _office(office)
    assert (
        cli.main(
            [
                "handin",
                "setup",
                "--unit",
                "没有这个单位",
                "--out",
                str(tmp_path / "x.sqlite"),
                "--db",
                str(office),
            ]
        )
        == 2
    )
    assert "no unit named '没有这个单位'; units: 县农业农村局" in capsys.readouterr().err
    assert (
        cli.main(
            [
                "handin",
                "export",
                "--period",
                "2023",
                "--out",
                str(tmp_path / "p"),
                "--db",
                str(office),
            ]
        )
        == 2
    )
    assert "is not a unit's copy" in capsys.readouterr().err
    assert (
        cli.main(
            [
                "handin",
                "export",
                "--period",
                "三季度",
                "--out",
                str(tmp_path / "p"),
                "--db",
                str(office),
            ]
        )
        == 2
    )
    assert "--period '三季度'" in capsys.readouterr().err
    junk = tmp_path / "junk.cledger"
    junk.write_bytes(b"not a zip")
    assert cli.main(["handin", "import", str(junk), "--db", str(office)]) == 2
    assert (
        "refused, nothing written: junk.cledger is not a hand-in package" in capsys.readouterr().err
    )
