"""The workbench's figures about hand-ins, checked against their own SQL."""


def test_hand_ins_by_period_count_as_their_own_sql_counts(ledger):
    import datetime as dt

    from desktop_app.records import demo, workbench
    from desktop_app.store import models as m

    demo.load_sample_data()
    today = dt.date(2023, 10, 20)
    found = workbench.hand_ins_by_period(today)
    assert [p.period for p in found] == ["2023年第三季度", "2023年第二季度"]
    for p in found:
        rows = list(m.LedgerReport.select().where(m.LedgerReport.period == p.period))
        handed = sum(
            1 for r in rows if r.status != "已退回" and (r.submitted_date or r.status == "已报送")
        )
        late = sum(
            1
            for r in rows
            if r.status not in ("已退回", "已报送") and not r.submitted_date and r.due_date < today
        )
        assert (p.handed_in, p.late, p.returned) == (handed, late, 0), p
        assert p.handed_in + p.late + p.returned + p.to_come == len(rows)
    assert found[0].late > 0  # the sample's third quarter has units behind
