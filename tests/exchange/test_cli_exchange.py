"""`coop-ledger import` and `coop-ledger export`: output and exit codes."""

from __future__ import annotations

import codecs
import errno
import gc
import os
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from desktop_app import cli
from desktop_app.exchange import messages as M
from desktop_app.safety.lock import FileLock, read_holder
from desktop_app.store import db as store_db
from desktop_app.store import models as m
from desktop_app.store.opening import open_ledger

from .conftest import workbook

ROWS = [
    ["合作院校台账"],
    ["序号", "院校名称", "省内/省外", "首次联系日期", "联系电话", "责任单位"],
    [1, "中北大学", "省内", "2023.3.15", 13812345678.0, "县委组织部"],
    [2, "清华大学", "省外", "2023年4月2日", None, None],
    [3, "坏日期学院", "省内", "2023.13.45", None, None],
    [4, "中北大学", "省内", "2023.3.15", None, None],
    ["合计", "4所"],
]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "ledger.sqlite"
    yield path
    store_db.close()


def count(db, model=m.Institution) -> int:
    open_ledger(db)
    try:
        return model.select().count()
    finally:
        store_db.close()


def run(capsys, *args, lang: str = "en") -> tuple[int, str, str]:
    """The command's exit code, stdout and stderr, its messages in lang (not the machine's)."""
    code = cli.main(["--lang", lang, *[str(a) for a in args]])
    out = capsys.readouterr()
    return code, out.out, out.err


def not_found(label: str, name: str) -> str:
    """The import's reason for a name the ledger lacks, in English."""
    return M.NOT_FOUND_CREATE.replace("%1", label).replace("%2", name)


def test_errors_write_nothing_and_exit_1(tmp_path, db, capsys):
    path = workbook(tmp_path / "院校.xlsx", ROWS)
    code, out, err = run(capsys, "import", "institution", path, "--db", db)
    assert code == 1
    assert "rows read: 4" in out
    # All or nothing: the 2 rows with errors keep all 4 out, and the line says so.
    assert (
        "imported: 0 (0 new, 0 updated)\n"
        "skipped: all 4 row(s), because 2 row(s) have errors and nothing is written while "
        "any row has an error\n"
        "duplicate: row 6 is the same as row 3 of the file; skipped\n"
    ) in out
    assert (
        f'error: row 3, 责任单位 "县委组织部": {not_found("Responsible unit", "县委组织部")}\n'
        in out
    )
    assert 'error: row 5, 首次联系日期 "2023.13.45": First contact date: ' in out
    assert out.endswith(
        "hint: 1 name(s) match no Unit record in the ledger; --create-missing would create them\n"
    )
    assert "nothing was imported: 2 row(s) have errors (correct them, or add --skip-invalid" in err
    # The command made the ledger for this import and wrote nothing: it is gone again.
    assert "new ledger" not in out
    assert sorted(os.listdir(tmp_path)) == ["home", "院校.xlsx"]


def test_output_in_chinese(tmp_path, db, capsys):
    path = workbook(tmp_path / "院校.xlsx", ROWS)
    ledger_with_units(db)
    code, out, err = run(capsys, "import", "institution", path, "--db", db, lang="zh_CN")
    assert code == 1
    assert "院校.xlsx [Sheet1]：表头在第 2 行；各列：院校名称 → 名称" in out
    assert "不是记录（合计行）：第 7 行" in out
    assert "读取行数：4" in out
    assert "已导入：0（新增 0，更新 0）" in out
    assert "重复：第 6 行与文件第 3 行相同，已跳过" in out
    assert '错误：第 5 行，首次联系日期 "2023.13.45"：' in out
    assert (
        "coop-ledger import: 错误：未导入任何数据：有 2 行存在错误（请改正后重试，或加上 --skip-invalid"
        in err
    )
    assert count(db) == 0  # a ledger that was there stays
    # the option after the command says the same as the one before it
    code, out, _ = run(
        capsys,
        "import",
        "institution",
        path,
        "--db",
        db,
        "--dry-run",
        "--skip-invalid",
        "--create-missing",
        "--lang",
        "zh_CN",
    )
    assert code == 0
    assert "将导入：2（新增 2，更新 0）" in out
    assert "将新建责任单位：县委组织部\n" in out  # a dry run creates nothing
    assert "已新建" not in out


def test_skip_invalid_and_create_missing_exit_0(tmp_path, db, capsys):
    path = workbook(tmp_path / "院校.xlsx", ROWS)
    errors = tmp_path / "errors.xlsx"
    code, out, _ = run(
        capsys,
        "import",
        "institution",
        path,
        "--db",
        db,
        "--skip-invalid",
        "--create-missing",
        "--errors",
        errors,
    )
    assert code == 0
    assert "imported: 2 (2 new, 0 updated)" in out
    assert "skipped: 2 (1 duplicate(s), 1 with errors)" in out
    assert "created Unit records: 县委组织部\n" in out
    assert "error: row 5" in out
    assert "hint:" not in out
    assert [r[0] for r in load_workbook(errors).active.iter_rows(values_only=True)] == ["Row", 5]
    assert count(db) == 2 and count(db, m.Unit) == 1


def test_dry_run_and_duplicates_update(tmp_path, db, capsys):
    good = workbook(tmp_path / "ok.xlsx", [ROWS[1], ROWS[3]])
    assert count(db) == 0  # an empty ledger: a dry run needs one
    code, out, _ = run(capsys, "import", "institution", good, "--db", db, "--dry-run")
    assert code == 0 and "would import: 1 (1 new, 0 updated)" in out
    assert count(db) == 0
    assert run(capsys, "import", "institution", good, "--db", db)[0] == 0
    again = workbook(tmp_path / "again.xlsx", [ROWS[1], ["", "清华大学", "省外", "2023-05-01"]])
    code, out, _ = run(capsys, "import", "institution", again, "--db", db)
    assert code == 0 and "skipped: 1 (1 duplicate(s), 0 with errors)" in out
    code, out, _ = run(
        capsys, "import", "institution", again, "--db", db, "--on-duplicate", "update"
    )
    assert code == 0 and "imported: 1 (0 new, 1 updated)" in out
    assert count(db) == 1


def test_second_sheet_and_csv(tmp_path, db, capsys):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["说明"])
    ws = wb.create_sheet("单位")
    ws.append(["单位名称", "单位性质"])
    ws.append(["县委组织部", "党政部门"])
    wb.save(tmp_path / "u.xlsx")
    code, out, err = run(capsys, "import", "unit", tmp_path / "u.xlsx", "--db", db)
    assert code == 2 and "u.xlsx [Sheet]: no header row found\n" in out
    assert err == "coop-ledger import: error: nothing was imported\n"
    code, out, _ = run(capsys, "import", "unit", tmp_path / "u.xlsx", "--sheet", "单位", "--db", db)
    assert code == 0 and "imported: 1" in out
    csv = tmp_path / "u.csv"
    csv.write_bytes("单位名称,单位性质\r\n龙泉镇,乡镇\r\n".encode("gbk"))
    assert run(capsys, "import", "unit", csv, "--db", db)[0] == 0
    csv.write_bytes(codecs.BOM_UTF8 + "单位名称\r\n古城镇\r\n".encode())
    assert run(capsys, "import", "unit", csv, "--db", db)[0] == 0
    assert count(db, m.Unit) == 3


@pytest.mark.parametrize(
    "args, message",
    [
        (["import", "nosuch", "x.xlsx"], "unknown type 'nosuch'"),
        (["import", "institution", "{tmp}/missing.xlsx"], "The file does not exist"),
        (["import", "institution", "{tmp}/bad.xlsx"], "This is not an Excel workbook"),
        (["import", "institution", "{tmp}/u.xlsx", "--sheet", "无"], 'no sheet named "无"'),
        (["export", "institution", "--csv", "{tmp}/o.txt"], "--csv FILE must end in .csv"),
        (
            ["export", "institution", "--xlsx", "{tmp}/o.xlsx", "--db", "{tmp}/no.sqlite"],
            "no ledger",
        ),
    ],
)
def test_command_errors_exit_2(tmp_path, db, capsys, args, message):
    (tmp_path / "bad.xlsx").write_bytes(b"not a workbook at all")
    workbook(tmp_path / "u.xlsx", [["单位名称"], ["县委组织部"]])
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--db" not in args:
        args += ["--db", str(db)]
    code, _out, err = run(capsys, *args)
    assert code == 2
    assert message in err


def test_import_refused_while_another_copy_holds_the_ledger(tmp_path, db, capsys):
    path = workbook(tmp_path / "u.xlsx", [["单位名称"], ["县委组织部"]])
    lock = FileLock(db)
    lock.acquire()
    try:
        holder = read_holder(db)
        code, _out, err = run(capsys, "import", "unit", path, "--db", db)
    finally:
        lock.release()
    assert code == 2
    assert err == (
        "coop-ledger import: error: the ledger is open in another copy of the program: "
        f"{holder.user}@{holder.host} (pid {holder.pid}) since {holder.since}\n"
    )


def test_export_both_formats(tmp_path, db, capsys):
    path = workbook(tmp_path / "院校.xlsx", ROWS[1:4])
    assert run(capsys, "import", "institution", path, "--db", db, "--create-missing")[0] == 0
    code, out, _ = run(capsys, "export", "institution", "--xlsx", tmp_path / "o.xlsx", "--db", db)
    assert code == 0 and out.strip().endswith("o.xlsx: 2 row(s)")
    rows = list(load_workbook(tmp_path / "o.xlsx").active.iter_rows(values_only=True))
    assert rows[0][:2] == ("名称", "简称") and {r[0] for r in rows[1:]} == {"中北大学", "清华大学"}
    code, _, _ = run(
        capsys, "export", "unit", "--csv", tmp_path / "u.csv", "--db", db, "--lang", "en"
    )
    assert code == 0
    text = (tmp_path / "u.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines() == ["Name,Kind,Contact person,Phone,Notes", "县委组织部,,,,"]


def test_help_lists_the_types(capsys):
    with pytest.raises(SystemExit):
        cli.main(["import", "--help"])
    out = capsys.readouterr().out
    for key in ("institution", "unit", "activity", "agreement", "base", "project", "talent"):
        assert key in out
    for option in ("--sheet", "--dry-run", "--skip-invalid", "--create-missing", "--db"):
        assert option in out


# ---------------------------------------------------------------- files that cannot be written


@pytest.fixture
def unraisable(monkeypatch):
    """What Python would print as "Exception ignored in …" (an unfinished openpyxl stream)."""
    seen = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(u.exc_value))

    def check():
        gc.collect()
        return seen

    return check


def ledger_with_units(db, *names) -> None:
    open_ledger(db)
    try:
        for name in names:
            m.Unit.create(name=name)
    finally:
        store_db.close()


def test_export_to_a_missing_folder_names_it_and_writes_nothing(tmp_path, db, capsys, unraisable):
    ledger_with_units(db, "县委组织部")
    target = tmp_path / "nosuch" / "u.xlsx"
    code, out, err = run(capsys, "export", "unit", "--xlsx", target, "--db", db)
    assert code == 2 and out == ""
    assert err == (
        f"coop-ledger export: error: cannot write {target}: "
        f"the folder {target.parent} does not exist\n"
    )
    assert not target.parent.exists() and unraisable() == []


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_that_fails_while_writing_names_the_users_file(
    tmp_path, db, capsys, unraisable, suffix
):
    ledger_with_units(db, "县委组织部")
    target = tmp_path / f"u{suffix}"
    (tmp_path / f"u{suffix}.part").mkdir()  # the temporary file cannot be made
    option = "--xlsx" if suffix == ".xlsx" else "--csv"
    code, out, err = run(capsys, "export", "unit", option, target, "--db", db)
    assert code == 2 and out == ""
    assert err == f"coop-ledger export: error: cannot write {target}: {os.strerror(errno.EISDIR)}\n"
    assert not target.exists() and unraisable() == []


def test_error_report_to_a_missing_folder_stops_before_anything(tmp_path, db, capsys, unraisable):
    path = workbook(tmp_path / "院校.xlsx", ROWS)
    report = tmp_path / "nosuch" / "e.xlsx"
    args = ["import", "institution", path, "--db", db, "--skip-invalid", "--errors", report]
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err == (
        f"coop-ledger import: error: cannot write the error report {report}: "
        f"the folder {report.parent} does not exist\n"
    )
    assert not db.exists()  # not even a new ledger
    ledger_with_units(db)
    assert run(capsys, *args)[0] == 2
    assert count(db) == 0 and not report.parent.exists() and unraisable() == []


def test_error_report_that_fails_while_writing_exits_2(tmp_path, db, capsys, unraisable):
    path = workbook(tmp_path / "院校.xlsx", ROWS)
    report = tmp_path / "e.xlsx"
    (tmp_path / "e.xlsx.part").mkdir()
    code, out, err = run(
        capsys, "import", "institution", path, "--db", db, "--skip-invalid", "--errors", report
    )
    assert code == 2
    assert "imported: 1 (1 new, 0 updated)\n" in out and "error report" not in out
    # Rows were written: the new ledger stays, and the command says it made it.
    assert f"a new ledger was created at {db}\n" in out and count(db) == 1
    assert err == (
        f"coop-ledger import: error: cannot write the error report {report}: "
        f"{os.strerror(errno.EISDIR)}\n"
    )
    assert not report.exists() and unraisable() == []


def test_no_errors_no_report(tmp_path, db, capsys):
    path = workbook(tmp_path / "u.xlsx", [["单位名称"], ["县委组织部"]])
    report = tmp_path / "e.xlsx"
    code, out, _ = run(capsys, "import", "unit", path, "--db", db, "--errors", report)
    assert code == 0
    assert out.endswith(f"no errors, so no error report was written ({report})\n")
    assert not report.exists()


# ---------------------------------------------------------------- exit codes


@pytest.mark.parametrize(
    "kind, rows, problems",
    [
        ("unit", [["单位名称", "单位性质"]], ["The sheet has no rows below the header."]),
        (
            "activity",
            [["活动名称", "地点"], ["人才宣介会", "北京"]],
            [
                "The file has no column for Date, which is required.",
                "The file has no column for Type, which is required.",
            ],
        ),
    ],
    ids=["no rows below the header", "required columns missing"],
)
def test_a_file_unusable_as_a_whole_exits_2(tmp_path, db, capsys, kind, rows, problems):
    path = workbook(tmp_path / "f.xlsx", rows)
    code, out, err = run(capsys, "import", kind, path, "--db", db, "--skip-invalid")
    assert code == 2
    assert out.splitlines()[-len(problems) :] == [f"error: {p}" for p in problems]
    assert err == "coop-ledger import: error: nothing was imported\n"
    assert "new ledger" not in out and not db.exists()


def test_skip_invalid_with_every_row_invalid_exits_1(tmp_path, db, capsys):
    path = workbook(
        tmp_path / "院校.xlsx", [ROWS[1], ROWS[4], ["", "坏日期二", "省内", "2023.2.30"]]
    )
    code, out, err = run(capsys, "import", "institution", path, "--db", db, "--skip-invalid")
    assert code == 1
    assert "imported: 0 (0 new, 0 updated)\nskipped: 2 (0 duplicate(s), 2 with errors)\n" in out
    assert (
        err
        == "coop-ledger import: error: nothing was imported: 2 row(s) have errors and were left out\n"
    )
    assert "new ledger" not in out and not db.exists()


# ---------------------------------------------------------------- what is said


def test_dry_run_says_would_create_and_would_add(tmp_path, db, capsys):
    path = workbook(
        tmp_path / "院校.xlsx",
        [["院校名称", "类别", "责任单位"], ["中北大学", "新型研发机构", "县委组织部"]],
    )
    ledger_with_units(db)
    code, out, _ = run(
        capsys, "import", "institution", path, "--db", db, "--create-missing", "--dry-run"
    )
    assert code == 0
    assert "would create Unit records: 县委组织部\n" in out
    assert "would add to the list Institution kinds: 新型研发机构\n" in out
    assert "created" not in out and "added" not in out
    assert count(db) == 0 and count(db, m.Unit) == 0
    code, out, _ = run(capsys, "import", "institution", path, "--db", db, "--create-missing")
    assert code == 0
    assert "created Unit records: 县委组织部\n" in out
    assert "added to the list Institution kinds: 新型研发机构\n" in out
    assert count(db) == 1 and count(db, m.Unit) == 1


def test_on_duplicate_import_says_unique_names_were_skipped(tmp_path, db, capsys):
    path = workbook(tmp_path / "院校.xlsx", [ROWS[1], ROWS[2], ROWS[3], ROWS[5]])
    assert run(capsys, "import", "institution", path, "--db", db, "--create-missing")[0] == 0
    code, out, _ = run(
        capsys, "import", "institution", path, "--db", db, "--on-duplicate", "import"
    )
    assert code == 0
    assert out.endswith(
        "skipped: 3 (3 duplicate(s), 0 with errors)\n"
        'duplicate: row 2 is the same as "中北大学" in the ledger; skipped\n'
        'duplicate: row 3 is the same as "清华大学" in the ledger; skipped\n'
        "duplicate: row 4 is the same as row 2 of the file; skipped\n"
        "3 duplicate(s) skipped, not imported: Institution names must be unique\n"
    )
    assert count(db) == 2
    # Activities may repeat: imported anyway, nothing to explain.
    acts = workbook(
        tmp_path / "活动.xlsx",
        [["日期", "活动类型", "活动名称"], ["2023-03-15", "签约仪式", "三校签约"]],
    )
    assert run(capsys, "import", "activity", acts, "--db", db)[0] == 0
    code, out, _ = run(capsys, "import", "activity", acts, "--db", db, "--on-duplicate", "import")
    assert code == 0 and "imported: 1 (1 new, 0 updated)\n" in out and "unique" not in out
    assert count(db, m.Activity) == 2


def test_a_missing_ledger_file(tmp_path, capsys):
    path = workbook(tmp_path / "u.xlsx", [["单位名称"], ["县委组织部"]])
    typo = tmp_path / "typo" / "ledgr.sqlite"
    code, out, err = run(capsys, "import", "unit", path, "--db", typo, "--dry-run")
    assert (code, out) == (2, "")
    assert err == f"coop-ledger import: error: no ledger file at {typo}\n"
    assert not typo.parent.exists()  # nothing created, not even the folder
    try:
        code, out, _ = run(capsys, "import", "unit", path, "--db", typo)
        assert code == 0
        assert out == (
            "u.xlsx [Sheet1]: header in row 1; columns: 单位名称 → Name\n"
            f"a new ledger was created at {typo}\n"
            "rows read: 1\n"
            "imported: 1 (1 new, 0 updated)\n"
            "skipped: 0 (0 duplicate(s), 0 with errors)\n"
        )
        assert count(typo, m.Unit) == 1
        code, out, _ = run(capsys, "import", "unit", path, "--db", typo)
        assert code == 0 and "new ledger" not in out
    finally:
        store_db.close()
    other = tmp_path / "other.sqlite"
    code, out, err = run(capsys, "import", "unit", path, "--db", other, "--dry-run", lang="zh_CN")
    assert (code, err) == (2, f"coop-ledger import: 错误：找不到台账文件：{other}\n")


def test_piped_into_head_stops_quietly(tmp_path, db):
    path = workbook(tmp_path / "u.xlsx", [["单位名称"], ["县委组织部"]])
    ledger_with_units(db)
    command = [sys.executable, "-m", "desktop_app", "--lang", "en", "import", "unit", str(path)]
    proc = subprocess.Popen(
        [*command, "--db", str(db), "--dry-run"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.close()  # the reader is gone before the first line, like `| head -0`
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=60) == cli.BROKEN_PIPE
    assert err.decode() == ""


# ---------------------------------------------------------------- what a user review found

ALL_OR_NOTHING = "nothing is written while any row has an error"


def test_a_dry_run_with_errors_says_what_a_real_import_would_do(tmp_path, db, capsys):
    path = workbook(tmp_path / "院校.xlsx", ROWS)
    ledger_with_units(db)
    code, out, err = run(capsys, "import", "institution", path, "--db", db, "--dry-run")
    assert code == 1
    assert (
        "rows read: 4\n"
        "would import: 0 (0 new, 0 updated)\n"
        f"would skip: all 4 row(s), because 2 row(s) have errors and {ALL_OR_NOTHING}\n"
        "duplicate: row 6 is the same as row 3 of the file; would be skipped\n"
    ) in out
    assert "skipped" not in out.replace("would be skipped", "")
    assert err == (
        "coop-ledger import: error: a real import would write nothing: 2 row(s) have errors "
        "(correct them, or add --skip-invalid to import the valid rows only)\n"
    )
    assert count(db) == 0 and count(db, m.Unit) == 0


def test_a_dry_run_that_leaves_rows_out_says_would_skip(tmp_path, db, capsys):
    path = workbook(tmp_path / "院校.xlsx", ROWS)
    ledger_with_units(db, "县委组织部")
    args = ["import", "institution", path, "--db", db, "--skip-invalid"]
    code, out, err = run(capsys, *args, "--dry-run")
    assert (code, err) == (0, "")
    assert (
        "would import: 2 (2 new, 0 updated)\n"
        "would skip: 2 (1 duplicate(s), 1 with errors)\n"
        "duplicate: row 6 is the same as row 3 of the file; would be skipped\n"
    ) in out
    assert count(db) == 0
    code, out, _ = run(capsys, *args)  # the real import says what it did
    assert code == 0
    assert (
        "imported: 2 (2 new, 0 updated)\n"
        "skipped: 2 (1 duplicate(s), 1 with errors)\n"
        "duplicate: row 6 is the same as row 3 of the file; skipped\n"
    ) in out
    assert count(db) == 2


def test_a_dry_run_with_every_row_invalid_says_what_a_real_import_would_do(tmp_path, db, capsys):
    path = workbook(
        tmp_path / "院校.xlsx", [ROWS[1], ROWS[4], ["", "坏日期二", "省内", "2023.2.30"]]
    )
    ledger_with_units(db)
    code, out, err = run(
        capsys, "import", "institution", path, "--db", db, "--skip-invalid", "--dry-run"
    )
    assert code == 1
    assert (
        "would import: 0 (0 new, 0 updated)\nwould skip: 2 (0 duplicate(s), 2 with errors)\n" in out
    )
    assert err == (
        "coop-ledger import: error: a real import would write nothing: "
        "2 row(s) have errors and would be left out\n"
    )
    assert count(db) == 0


def test_on_duplicate_import_in_a_dry_run_says_would_be_skipped(tmp_path, db, capsys):
    path = workbook(tmp_path / "院校.xlsx", [ROWS[1], ROWS[3]])
    assert run(capsys, "import", "institution", path, "--db", db)[0] == 0
    code, out, _ = run(
        capsys, "import", "institution", path, "--db", db, "--on-duplicate", "import", "--dry-run"
    )
    assert code == 0
    assert out.endswith(
        "would import: 0 (0 new, 0 updated)\n"
        "would skip: 1 (1 duplicate(s), 0 with errors)\n"
        'duplicate: row 2 is the same as "清华大学" in the ledger; would be skipped\n'
        "1 duplicate(s) would be skipped, not imported: Institution names must be unique\n"
    )


@pytest.mark.parametrize(
    "rows, options, code",
    [
        (ROWS, [], 1),  # rows with errors: all or nothing
        ([ROWS[1], ROWS[4]], ["--skip-invalid"], 1),  # every row left out
        ([["说明"]], [], 2),  # no header row
        ([ROWS[1]], [], 2),  # no rows below the header
        (None, [], 2),  # the file cannot be read
    ],
    ids=["row errors", "every row invalid", "no header", "no rows", "unreadable file"],
)
def test_a_new_ledger_that_got_nothing_is_removed(tmp_path, capsys, rows, options, code):
    path = tmp_path / "院校.xlsx"
    if rows is None:
        path.write_bytes(b"\x00" * 16)
    else:
        workbook(path, rows)
    db = tmp_path / "新台账" / "2023" / "ledger.sqlite"
    result, out, err = run(capsys, "import", "institution", path, "--db", db, *options)
    assert result == code and err.startswith("coop-ledger import: error: ")
    assert "new ledger" not in out
    assert sorted(os.listdir(tmp_path)) == ["home", "院校.xlsx"]  # no file, no folder made


def test_removing_a_new_ledger_leaves_what_was_there(tmp_path, capsys):
    folder = tmp_path / "台账"
    folder.mkdir()
    (folder / "说明.txt").write_text("旧文件")
    db = folder / "ledger.sqlite"
    path = workbook(tmp_path / "院校.xlsx", ROWS)
    assert run(capsys, "import", "institution", path, "--db", db)[0] == 1
    assert os.listdir(folder) == ["说明.txt"]
    assert (folder / "说明.txt").read_text() == "旧文件"


def test_a_ledger_that_was_there_stays_when_nothing_is_written(tmp_path, db, capsys):
    ledger_with_units(db, "县委组织部")
    path = workbook(tmp_path / "院校.xlsx", ROWS)
    code, out, _ = run(capsys, "import", "institution", path, "--db", db)
    assert code == 1 and "new ledger" not in out
    assert count(db) == 0 and count(db, m.Unit) == 1


@pytest.mark.parametrize("name", ["err.txt", "err", "err.xls", "err.csv", "err.xlsx.bak"])
def test_an_error_report_not_named_xlsx_is_refused_first(tmp_path, db, capsys, name):
    path = workbook(tmp_path / "院校.xlsx", ROWS)
    report = tmp_path / name
    code, out, err = run(capsys, "import", "institution", path, "--db", db, "--errors", report)
    assert (code, out) == (2, "")
    assert err == (
        f"coop-ledger import: error: --errors {report}: the error report is an Excel workbook; "
        "give a file name ending in .xlsx\n"
    )
    assert sorted(os.listdir(tmp_path)) == ["home", "院校.xlsx"]  # no ledger, no report


def test_an_error_report_named_xlsx_in_capitals_is_written(tmp_path, db, capsys):
    path = workbook(tmp_path / "院校.xlsx", ROWS)
    report = tmp_path / "ERR.XLSX"
    code, out, _ = run(capsys, "import", "institution", path, "--db", db, "--errors", report)
    assert code == 1 and f"error report: {report}\n" in out
    assert [r[0] for r in load_workbook(report).active.iter_rows(values_only=True)] == [
        "Row",
        3,
        5,
    ]


def test_valid_rows_that_were_all_duplicates_are_no_failure(tmp_path, db, capsys):
    """--skip-invalid: the good rows are already in the ledger, the bad one is left out."""
    path = workbook(
        tmp_path / "u.xlsx", [["单位名称", "单位性质"], ["县委组织部", "党政部门"], [None, "乡镇"]]
    )
    args = ("import", "unit", path, "--db", db, "--skip-invalid")
    assert run(capsys, *args)[0] == 0
    code, out, err = run(capsys, *args)
    assert code == 0 and err == ""
    assert "skipped: 2 (1 duplicate(s), 1 with errors)" in out


def test_export_speaks_chinese_too(tmp_path, db, capsys):
    open_ledger(db)
    store_db.close()
    code, out, _ = run(
        capsys, "export", "unit", "--csv", tmp_path / "单位.csv", "--db", db, lang="zh_CN"
    )
    assert code == 0 and out.strip() == f"{tmp_path / '单位.csv'}：0 行"
    code, _, err = run(
        capsys, "export", "unit", "--xlsx", tmp_path / "无" / "x.xlsx", "--db", db, lang="zh_CN"
    )
    assert code == 2
    assert (
        err.strip()
        == f"coop-ledger export: 错误：无法写入 {tmp_path / '无' / 'x.xlsx'}：文件夹 {tmp_path / '无'} 不存在"
    )
