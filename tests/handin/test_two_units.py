"""Two units and the office exchanging in both directions, a hand-in sent
back (退回) and handed in again; every side checked after each step."""

from __future__ import annotations

import datetime as dt

from desktop_app import cli
from desktop_app.handin import incoming, outgoing, returns, setup, updates
from desktop_app.records import workbench
from desktop_app.store import models as m
from tests.handin.test_exchange import AGRI, TECH, by_uid, opened, save


def _titles() -> set[str]:
    return {a.title for a in m.Activity.select()}


def test_two_units_hand_in_get_sent_back_and_updated(tmp_path, capsys):
    office = tmp_path / "office.sqlite"
    agri_copy, tech_copy = tmp_path / "agri.sqlite", tmp_path / "tech.sqlite"
    with opened(office):
        agri = save("unit", name=AGRI)
        tech = save("unit", name=TECH)
        save("institution", name="中北大学")
        save("activity", title="农业局的旧活动", unit=agri)
        save("activity", title="科技局的旧活动", unit=tech)
        save("ledger_report", unit=agri, period="2023年第三季度", due_date=dt.date(2023, 10, 10))
        setup.make_unit_copy(AGRI, agri_copy)
        setup.make_unit_copy(TECH, tech_copy)
    with opened(agri_copy):
        assert _titles() == {"农业局的旧活动"}
        unit = m.Unit.get(m.Unit.name == AGRI).id
        save("activity", title="农业局的新活动", unit=unit)
        outgoing.make_package("2023Q3", tmp_path / "agri1.cledger", "李明")
    with opened(tech_copy):
        assert _titles() == {"科技局的旧活动"}
        unit = m.Unit.get(m.Unit.name == TECH).id
        save("activity", title="科技局的新活动", unit=unit)
        outgoing.make_package("2023Q3", tmp_path / "tech1.cledger", "赵强")
    with opened(office):
        incoming.merge(incoming.inspect(tmp_path / "agri1.cledger"))
        incoming.merge(incoming.inspect(tmp_path / "tech1.cledger"))
        assert _titles() == {"农业局的旧活动", "科技局的旧活动", "农业局的新活动", "科技局的新活动"}
        done = {(r.unit.name, r.status) for r in m.LedgerReport.select()}
        assert done == {(AGRI, "已报送"), (TECH, "已报送")}
        # The office sends agri's hand-in back and corrects a tech activity.
        returns.return_hand_in(returns.find(AGRI, "2023Q3"), "缺少活动照片")
        report = m.LedgerReport.get(m.LedgerReport.unit == agri)
        assert (report.status, report.submitted_date) == ("已退回", None)
        assert report.notes.endswith("：缺少活动照片")
        assert [(h.unit, h.returned) for h in workbench.missing_hand_ins()] == [(AGRI, True)]
        fix = m.Activity.get(m.Activity.title == "科技局的新活动")
        save("activity", fix.id, place="县科技馆")
        updates.make_update(AGRI, tmp_path / "agri-u1.cledger")
        updates.make_update(TECH, tmp_path / "tech-u1.cledger")
        tech_uid = fix.uid
    with opened(agri_copy):
        seen = updates.inspect_update(tmp_path / "agri-u1.cledger")
        assert {c.spec.key for c in seen.changes} == {"ledger_report"}  # not tech's activity
        updates.merge_update(seen)
        assert m.LedgerReport.get().status == "已退回"
        assert "缺少活动照片" in m.LedgerReport.get().notes
        # Put right and handed in again.
        new = m.Activity.get(m.Activity.title == "农业局的新活动")
        save("activity", new.id, notes="照片已补")
        outgoing.make_package("2023Q3", tmp_path / "agri2.cledger", "李明")
    with opened(tech_copy):
        updates.merge_update(updates.inspect_update(tmp_path / "tech-u1.cledger"))
        assert by_uid("activity", tech_uid).place == "县科技馆"
    # tech's first package again, under another name: received already, nothing changes.
    (tmp_path / "agri2-copy.cledger").write_bytes((tmp_path / "tech1.cledger").read_bytes())
    with opened(office):
        incoming.merge(incoming.inspect(tmp_path / "agri2.cledger"))
        assert m.LedgerReport.get(m.LedgerReport.unit == agri).status == "已报送"
        assert m.Activity.get(m.Activity.title == "农业局的新活动").notes == "照片已补"
        assert incoming.inspect(tmp_path / "agri2-copy.cledger").already is not None
    # The command line sends back too, and names what it cannot find.
    assert (
        cli.main(
            [
                "handin",
                "return",
                "--unit",
                AGRI,
                "--period",
                "2023Q3",
                "--comment",
                "再补",
                "--db",
                str(office),
            ]
        )
        == 0
    )
    assert "sent back" in capsys.readouterr().out
    assert (
        cli.main(
            [
                "handin",
                "return",
                "--unit",
                AGRI,
                "--period",
                "2024Q1",
                "--comment",
                "x",
                "--db",
                str(office),
            ]
        )
        == 2
    )
    assert "no hand-in of" in capsys.readouterr().err
