"""Benchmark: the activity list page over 100,000 records, beside plain sqlite3.

Run from the repository root:

    python bench/bench_table.py [--rows 100000] [--repeat 15] [--dir FOLDER] [--rebuild]

It builds (or reuses) a ledger file holding --rows activities (spread over
2015–2026, each with a unit and one or two of 300 institutions), then times
three things a user does on the activity list page, each the median of
--repeat runs after one warm-up:

- open the page: RecordTableModel(spec).set_query(ListQuery(spec)), i.e. a count
  and the first page of 200 rows with the institutions column filled in (and,
  for information, the construction of the whole RecordPage widget);
- sort by a column (a header click): model.sort(column, descending);
- filter by a typed word: model.set_query(ListQuery(spec, search=WORD)).

Beside each it times the same work written by hand with Python's sqlite3
module on the same file with the same pragmas: COUNT(*), SELECT … LEFT JOIN
unit … ORDER BY … LIMIT 200 and one query for the page's institution names.
The difference is what peewee, the query builder and the Qt model cost.

A second table times harder cases that are not part of the goal: sorting by a
joined column, a word found in only a few records and a word found in most
institution names.

Results go in docs/benchmarks.md. This is a script, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

# Runnable as `python bench/bench_table.py` from a checkout: the package lives
# one folder up. Offscreen before any Qt import, so it runs without a display.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine as shared_machine  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.records.specs import MULTI_SEPARATOR, SPECS  # noqa: E402
from desktop_app.records.values import sort_key  # noqa: E402
from desktop_app.store import db as store_db  # noqa: E402
from desktop_app.store import models as m  # noqa: E402

PAGE_SIZE = 200  # the table model's page size
GOAL_MS = 100.0
GOAL_RATIO = 3.0
SEARCH_WORD = "番茄"  # in some titles (about 6 %)
RARE_WORD = "磁浮"  # in about 50 titles
BROAD_WORD = "大学"  # in most institution names
DATA_VERSION = 3  # bump when the generated data changes (3: the search index written)
SEED = 20230904

# ---------------------------------------------------------------- the data

UNITS = [
    ("县委组织部（人才办）", "党政部门"),
    ("县发展和改革局", "党政部门"),
    ("县农业农村局", "党政部门"),
    ("县教育科技局", "党政部门"),
    ("县文化和旅游局", "党政部门"),
    ("县自然资源局", "党政部门"),
    ("县人力资源和社会保障局", "党政部门"),
    ("县工业和信息化局", "党政部门"),
    ("县商务局", "党政部门"),
    ("县卫生健康局", "党政部门"),
    ("县科学技术协会", "党政部门"),
    ("龙泉镇", "乡镇"),
    ("罗文皂镇", "乡镇"),
    ("王官屯镇", "乡镇"),
    ("大白登镇", "乡镇"),
    ("古城镇", "乡镇"),
    ("东小村镇", "乡镇"),
    ("狮子屯乡", "乡镇"),
    ("下深井乡", "乡镇"),
    ("大泉山景区管理中心", "企事业单位"),
]

# (place, province, in Shanxi?) × (kind of school) gives the ~300 institutions.
PLACES = [
    ("北京", "北京"), ("天津", "天津"), ("河北", "河北"), ("内蒙古", "内蒙古"),
    ("辽宁", "辽宁"), ("吉林", "吉林"), ("黑龙江", "黑龙江"), ("上海", "上海"),
    ("江苏", "江苏"), ("浙江", "浙江"), ("安徽", "安徽"), ("福建", "福建"),
    ("江西", "江西"), ("山东", "山东"), ("河南", "河南"), ("湖北", "湖北"),
    ("湖南", "湖南"), ("广东", "广东"), ("四川", "四川"), ("重庆", "重庆"),
    ("陕西", "陕西"), ("甘肃", "甘肃"), ("宁夏", "宁夏"), ("新疆", "新疆"),
    ("山西", "山西"), ("太原", "山西"), ("大同", "山西"), ("晋中", "山西"),
    ("长治", "山西"), ("运城", "山西"), ("忻州", "山西"), ("朔州", "山西"),
]  # fmt: skip
SCHOOLS = [
    ("农业大学", "农大", "高校"),
    ("理工大学", "理工", "高校"),
    ("师范大学", "师大", "高校"),
    ("医科大学", "医大", "高校"),
    ("财经大学", "财大", "高校"),
    ("工业大学", "工大", "高校"),
    ("科技大学", "科大", "高校"),
    ("农业科学院", "农科院", "科研院所"),
    ("林业科学研究院", "林科院", "科研院所"),
    ("职业技术学院", "职院", "高校"),
]
STAGES = ["已联系", "有意向", "已签约", "深度合作"]
TYPES = ["人才宣介会", "党政正职访名校", "签约仪式", "授牌仪式", "论坛", "培训", "考察调研",
         "座谈会", "参观学习"]  # fmt: skip
# One topic in fifteen mentions 番茄, so the typed word matches a few thousand titles.
TOPICS = [
    "番茄产业", "设施蔬菜", "高速飞车", "乡村振兴", "红色研学", "生态治理", "杂粮深加工",
    "光伏新能源", "人才引进", "科技特派员", "数字农业", "黄花产业", "文旅融合", "智库建设",
    "职业教育", "中医药", "畜牧养殖", "果树栽培", "基层党建", "电子商务", "冷链物流",
    "土壤改良", "节水灌溉", "农机装备", "食品安全", "乡村规划", "非遗保护", "康养产业",
    "“阳高红”番茄育种", "新材料",
]  # fmt: skip
RARE_TOPIC = "磁浮交通"
LEADERS = ["县委书记", "县长", "县委副书记", "组织部长", "常务副县长", "分管副县长",
           "人才办主任", "王海江", "李明", "赵建国", "孙丽", "周晓东", "吴刚", "郑红",
           "冯志强", "陈静"]  # fmt: skip
COUNTY_PLACES = ["阳高县", "县政府会议室", "县委党校", "大泉山", "龙泉镇", "罗文皂镇",
                 "王官屯镇", "县人才服务中心", "县融媒体中心"]  # fmt: skip
OUTCOMES = [
    "达成合作意向，约定下一步对接计划。",
    "签订合作协议，明确双方权利义务。",
    "就{topic}开展交流，形成会议纪要。",
    "专家现场指导{topic}技术难题。",
    "宣介人才政策，收集意向简历。",
    "",
]
FIGURES = ["达成意向{n}项", "签约{n}人", "引进博士{n}人", "培训{n}人次", "", ""]


@cache
def _pinyin(text: str) -> str:
    return sort_key(text)


def _institutions() -> list[dict]:
    out = []
    for place, province in PLACES:
        for full, short, kind in SCHOOLS:
            out.append(
                {
                    "name": f"{place}{full}",
                    "short_name": f"{place[:2]}{short}",
                    "kind": kind,
                    "location_class": "省内" if province == "山西" else "省外",
                    "province": province,
                    "city": place if province == "山西" else "",
                }
            )
    return out[:300]


def _activity_rows(
    n: int, unit_ids: list[int], institutions: list[tuple[int, str, str]], rng: random.Random
) -> Iterator[tuple[dict, list[int]]]:
    first = dt.date(2015, 1, 1).toordinal()
    last = dt.date(2026, 12, 31).toordinal()
    for i in range(1, n + 1):
        day = dt.date.fromordinal(rng.randint(first, last))
        kind = rng.choice(TYPES)
        topic = RARE_TOPIC if rng.random() < 1 / 2000 else rng.choice(TOPICS)
        links = rng.sample(institutions, rng.choice((1, 1, 2)))
        _, inst_name, inst_short = links[0]
        pattern = rng.random()
        if pattern < 0.5:
            title = f"{inst_short}{topic}{kind}"
        elif pattern < 0.8:
            title = f"{day.year}年{topic}{kind}"
        else:
            title = f"赴{inst_name}{kind}"
        stamp = dt.datetime.combine(day, dt.time(9, 30))
        row = {
            "id": i,
            "created_at": stamp,
            "updated_at": stamp,
            "changed_by": "bench",
            "is_sample": False,
            "sort_key": _pinyin(title),
            "date": day,
            "type": kind,
            "title": title,
            "leader": rng.choice(LEADERS),
            "place": rng.choice(COUNTY_PLACES),
            "participants": rng.randint(5, 300),
            "outcome": rng.choice(OUTCOMES).format(topic=topic),
            "outcome_figures": rng.choice(FIGURES).format(n=rng.randint(1, 30)),
            "unit": rng.choice(unit_ids),
            "notes": "",
        }
        yield row, [link[0] for link in links]


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


FIELDS = ["现代农业", "新能源", "生物医药", "新材料", "智能制造", "生态环境", "食品科学",
          "畜牧兽医", "园艺", "水利", "信息技术", "文化旅游"]  # fmt: skip
LABS = ["研究所", "研究院", "重点实验室", "工程技术研究中心", "技术转移中心"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国明华丽强军平红伟芳敏静磊洋勇艳杰娟涛超秀霞刚桂英志文斌海波宁鹏飞晓东"
DEGREES = ["博士", "硕士", "学士", ""]
ACADEMIC = ["教授", "副教授", "研究员", "副研究员", "高级工程师", "讲师", ""]


def build_people(institutions: int, talents: int) -> None:
    """Add institutions up to `institutions` (research institutes beside the
    300 schools) and `talents` talents, each from one of them and with a unit:
    the ledger a city office holds after years (issue 13's figures)."""
    from desktop_app.records.values import person_sort_key

    rng = random.Random(SEED + 1)
    unit_ids = [u.id for u in m.Unit.select(m.Unit.id)]
    with store_db.write_transaction():
        have = m.Institution.select().count()
        rows = []
        for i in range(have, institutions):
            place, province = PLACES[i % len(PLACES)]
            name = f"{place}{rng.choice(FIELDS)}{rng.choice(LABS)}第{i}分部"
            rows.append(
                {
                    "name": name,
                    "short_name": "",
                    "kind": "科研院所",
                    "location_class": "省内" if province == "山西" else "省外",
                    "province": province,
                    "city": place if province == "山西" else "",
                    "stage": rng.choice(STAGES),
                    "unit": rng.choice(unit_ids),
                    "sort_key": _pinyin(name),
                }
            )
        for chunk in _chunks(rows, 500):
            m.Institution.insert_many(chunk).execute()
        inst_ids = [i for (i,) in m.Institution.select(m.Institution.id).tuples()]
        first = dt.date(2010, 1, 1).toordinal()
        last = dt.date(2026, 12, 31).toordinal()
        people = []
        for _ in range(talents):
            name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
            start = dt.date.fromordinal(rng.randint(first, last))
            people.append(
                {
                    "name": name,
                    "sort_key": person_sort_key(name),
                    "gender": rng.choice(("男", "女")),
                    "institution": rng.choice(inst_ids),
                    "degree": rng.choice(DEGREES),
                    "title": rng.choice(ACADEMIC),
                    "field": rng.choice(FIELDS),
                    "unit": rng.choice(unit_ids),
                    "start_date": start,
                    "changed_by": "bench",
                }
            )
        for chunk in _chunks(people, 1000):
            m.Talent.insert_many(chunk).execute()


def build(n: int) -> None:
    """Fill the open (empty) ledger with units, institutions and n activities."""
    rng = random.Random(SEED)
    with store_db.write_transaction():
        m.Unit.insert_many(
            [{"name": name, "kind": kind, "sort_key": _pinyin(name)} for name, kind in UNITS]
        ).execute()
        unit_ids = [u.id for u in m.Unit.select(m.Unit.id)]
        rows = _institutions()
        for r in rows:
            r["sort_key"] = _pinyin(r["name"])
            r["stage"] = rng.choice(STAGES)
            r["first_contact"] = dt.date(rng.randint(2015, 2026), rng.randint(1, 12), 1)
            r["unit"] = rng.choice(unit_ids)
        for chunk in _chunks(rows, 100):
            m.Institution.insert_many(chunk).execute()
        institutions = [
            (i.id, i.name, i.short_name)
            for i in m.Institution.select(
                m.Institution.id, m.Institution.name, m.Institution.short_name
            )
        ]
        activities: list[dict] = []
        links: list[dict] = []

        def flush() -> None:
            # 16 columns × 1,000 rows stays under SQLite's 32,766 variables.
            m.Activity.insert_many(activities).execute()
            m.ActivityInstitution.insert_many(links).execute()
            activities.clear()
            links.clear()

        for row, inst_ids in _activity_rows(n, unit_ids, institutions, rng):
            activities.append(row)
            links.extend({"activity": row["id"], "institution": i} for i in inst_ids)
            if len(activities) == 1000:
                flush()
        if activities:
            flush()


def open_bench_ledger(
    folder: Path, n: int, rebuild: bool, institutions: int = 300, talents: int = 0
) -> Path:
    """The bench ledger of n activities (and, beyond the 300 schools the
    activities name, more institutions and talents when asked), built once."""
    from desktop_app.store.opening import open_ledger

    people = f"-i{institutions}-t{talents}" if talents or institutions > 300 else ""
    path = folder / f"bench-{n}{people}-v{DATA_VERSION}.sqlite"
    if path.exists() and not rebuild:
        open_ledger(path)  # an index of an older numbering is renumbered here
        if (
            m.Activity.select().count() == n
            and m.Institution.select().count() == max(institutions, 300)
            and m.Talent.select().count() == talents
        ):
            print(f"reusing {path}")
            return path
        store_db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(f"building {path} with {n:,} activities …", flush=True)
    started = time.perf_counter()
    open_ledger(path)
    build(n)
    if people:
        build_people(institutions, talents)
    # Written past the service (for speed): the search index is written after.
    from desktop_app.records import search_index

    with store_db.write_transaction():
        search_index.rebuild(store_db.database_proxy.obj)
    store_db.database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"built in {time.perf_counter() - started:.1f} s", flush=True)
    return path


# ---------------------------------------------------------------- plain sqlite3

PLAIN_SELECT = """
    SELECT a.id, a.date, a.type, a.title, a.leader, a.participants,
           a.outcome_figures, u.name
    FROM activity a LEFT JOIN unit u ON u.id = a.unit_id
"""
# The same shape as records/queries.py builds: matching institutions as one
# uncorrelated list, one seek in the link table per activity.
PLAIN_SEARCH = """
    WHERE a.title LIKE :w OR a.leader LIKE :w OR a.place LIKE :w OR a.outcome LIKE :w
       OR EXISTS (SELECT 1 FROM activity_institution ai
                  WHERE ai.activity_id = a.id
                    AND +ai.institution_id IN (SELECT i.id FROM institution i
                                               WHERE i.name LIKE :w OR i.short_name LIKE :w))
"""


class Plain:
    """The list page's queries written by hand on a bare sqlite3 connection."""

    def __init__(self, path: Path):
        self.con = sqlite3.connect(str(path))
        for name, value in store_db.SQLITE_PRAGMAS.items():
            self.con.execute(f"PRAGMA {name} = {value}")

    def page(
        self, order_by: str, word: str | None = None, select: str = PLAIN_SELECT
    ) -> tuple[int, list[list]]:
        where, params = (PLAIN_SEARCH, {"w": f"%{word}%"}) if word else ("", {})
        total = self.con.execute(f"SELECT COUNT(*) FROM activity a {where}", params).fetchone()[0]
        rows = [
            list(r)
            for r in self.con.execute(
                f"{select} {where} ORDER BY {order_by} LIMIT {PAGE_SIZE}", params
            )
        ]
        if rows:
            ids = [r[0] for r in rows]
            marks = ",".join("?" * len(ids))
            names: dict[int, list[str]] = {}
            for owner, name in self.con.execute(
                "SELECT ai.activity_id, i.name FROM activity_institution ai"
                " JOIN institution i ON i.id = ai.institution_id"
                f" WHERE ai.activity_id IN ({marks}) ORDER BY ai.id",
                ids,
            ):
                names.setdefault(owner, []).append(name)
            for r in rows:
                r.append(MULTI_SEPARATOR.join(names.get(r[0], [])))
        return total, rows

    def close(self) -> None:
        self.con.close()


# ---------------------------------------------------------------- measuring


def _time_once(fn: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000.0


def measure(
    ours: Callable[[], object], plain: Callable[[], object] | None, repeat: int
) -> tuple[float, float | None]:
    """Median milliseconds of each, after one warm-up; the two alternate so
    drifting machine load falls on both alike."""
    ours()
    if plain is not None:
        plain()
    a: list[float] = []
    b: list[float] = []
    for i in range(repeat):
        if plain is not None and i % 2:
            b.append(_time_once(plain))
        a.append(_time_once(ours))
        if plain is not None and not i % 2:
            b.append(_time_once(plain))
    return statistics.median(a), (statistics.median(b) if b else None)


def machine() -> list[str]:
    return shared_machine("PySide6", "peewee")


Result = tuple[str, float, float | None]


def run(path: Path, repeat: int) -> tuple[list[Result], list[Result]]:
    """(the goal's operations, harder cases for information)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app import none_guard
    from desktop_app.records.queries import ListQuery
    from desktop_app.ui.record_page import RecordPage
    from desktop_app.ui.table_model import RecordTableModel

    none_guard.install()  # as coop-ledger does: see none_guard for the crash at exit
    app = QApplication.instance() or QApplication([])
    spec = SPECS["activity"]
    names = [f.name for f in spec.columns]
    plain = Plain(path)
    by_date = "a.date DESC, a.id DESC"  # the activity list's default order

    def open_model() -> RecordTableModel:
        model = RecordTableModel(spec)
        model.set_query(ListQuery(spec))
        return model

    def same_page(model: RecordTableModel, total: int, rows: list[list]) -> None:
        # Both sides must do the same work: same count, same ids in the same order.
        assert model.total == total, (model.total, total)
        assert [r[0] for r in model._rows] == [r[0] for r in rows]

    def open_case() -> Result:
        same_page(open_model(), *plain.page(by_date))
        label = f"open the page (count + first {PAGE_SIZE} rows)"
        return (label, *measure(open_model, lambda: plain.page(by_date), repeat))

    def page_widget_case() -> Result:
        def open_page() -> None:
            page = RecordPage(spec)
            page.deleteLater()
            app.processEvents()  # runs the deletion, so pages do not pile up

        return ("construct the whole RecordPage widget", *measure(open_page, None, repeat))

    def sort_case(name: str, label: str, order_by: str, select: str = PLAIN_SELECT) -> Result:
        model = open_model()
        column = names.index(name)
        descending = Qt.SortOrder.DescendingOrder
        model.sort(column, descending)
        same_page(model, *plain.page(order_by, select=select))
        return (
            label,
            *measure(
                lambda: model.sort(column, descending),
                lambda: plain.page(order_by, select=select),
                repeat,
            ),
        )

    def filter_case(word: str, label: str) -> Result:
        model = open_model()
        model.set_query(ListQuery(spec, search=word))
        total, rows = plain.page(by_date, word)
        same_page(model, total, rows)
        return (
            f"{label} “{word}” ({total:,} hits)",
            *measure(
                lambda: model.set_query(ListQuery(spec, search=word)),
                lambda: plain.page(by_date, word),
                repeat,
            ),
        )

    goal = [
        open_case(),
        page_widget_case(),
        sort_case("title", "sort by title ↓ (pinyin)", "a.sort_key DESC, a.id DESC"),
        sort_case("participants", "sort by participants ↓", "a.participants DESC, a.id DESC"),
        filter_case(SEARCH_WORD, "filter by typed word"),
    ]
    harder = [
        # The anchor walks the units' sort index as ours does (the units
        # first: every bench activity has a unit).
        sort_case(
            "unit",
            "sort by unit ↓ (joined, pinyin)",
            "u.sort_key DESC, u.id DESC, a.id DESC",
            PLAIN_SELECT.replace(
                "FROM activity a LEFT JOIN unit u ON u.id = a.unit_id",
                "FROM unit u CROSS JOIN activity a WHERE u.id = a.unit_id",
            ),
        ),
        filter_case(RARE_WORD, "filter by a rare word"),
        filter_case(BROAD_WORD, "filter by a word in most institution names"),
        # One character has no pair in the index: matched as LIKE matches it.
        filter_case(SEARCH_WORD[1], "filter by one character"),
    ]
    plain.close()
    if m.Talent.select().count():
        harder += people_cases(repeat)
    return goal, harder


def people_cases(repeat: int) -> list[Result]:
    """The talent and institution lists of a ledger with many of both: open,
    sort by the joined institution, filter by a name and by an institution."""
    from desktop_app.records.queries import ListQuery
    from desktop_app.ui.table_model import RecordTableModel

    out: list[Result] = []
    for key, cases in (
        ("talent", [("", None), ("", "institution"), ("建国", None), ("农业大学", None)]),
        ("institution", [("", None), ("研究所", None), ("农业", None)]),
    ):
        spec = SPECS[key]
        total = spec.model.select().count()
        for word, sort in cases:
            model = RecordTableModel(spec)

            def show(word=word, sort=sort, model=model, spec=spec) -> None:
                model.set_query(ListQuery(spec, search=word, sort_field=sort))

            show()
            what = f"filter by “{word}”" if word else "open the page"
            if sort:
                what += f", sorted by {sort} (joined)"
            label = f"{key}s ({total:,}): {what} ({model.total:,} rows)"
            out.append((label, *measure(show, None, repeat)))
    return out


def table(results: list[Result]) -> str:
    lines = [
        "| operation | ours (ms) | plain sqlite3 (ms) | ratio | goal met? |",
        "|---|---:|---:|---:|:---:|",
    ]
    for label, ours, plain in results:
        if plain is None:
            met = "yes" if ours < GOAL_MS else "**no**"
            lines.append(f"| {label} | {ours:.1f} | — | — | {met} (< {GOAL_MS:.0f} ms) |")
            continue
        ratio = ours / plain if plain else float("inf")
        met = "yes" if ours < GOAL_MS and ratio <= GOAL_RATIO else "**no**"
        lines.append(f"| {label} | {ours:.1f} | {plain:.1f} | {ratio:.2f}× | {met} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="activities (100,000)")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per operation (15)")
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "coop-ledger-bench",
        help="folder for the ledger file, reused between runs",
    )
    parser.add_argument("--rebuild", action="store_true", help="build the file afresh")
    parser.add_argument(
        "--institutions", type=int, default=300, help="institutions (300: the schools)"
    )
    parser.add_argument("--talents", type=int, default=0, help="talents (none)")
    args = parser.parse_args(argv)

    args.dir.mkdir(parents=True, exist_ok=True)
    # Settings (saved table headers) and backups stay in the bench folder,
    # never in the user's own.
    os.environ["COOP_LEDGER_HOME"] = str(args.dir)
    path = open_bench_ledger(
        args.dir, args.rows, args.rebuild, institutions=args.institutions, talents=args.talents
    )
    print(f"{args.rows:,} activities, median of {args.repeat} runs after one warm-up\n")
    goal, harder = run(path, args.repeat)
    store_db.close()
    print("\n".join(machine()))
    print()
    print(table(goal))
    print("\nHarder cases (not part of the goal):\n")
    print(table(harder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
