"""`coop-ledger report figures` and `coop-ledger report template FORM.xlsx`.

figures lists every figure a superior's form can ask for, by the name its
{{NAME}} placeholder uses, with what it counts and its value for the period.
template fills a copy of such a form (reports/template.py) and, with --pdf,
prints it (reports/form_paper.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from desktop_app.cli_report import (
    _fail,
    open_for_sheets,
    output_problem,
    period_of,
    sheet_app,
    unit_of,
)


def run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from desktop_app.reports import template

    if args.sheet == "figures" and args.form is not None:
        return _fail(f"unexpected {args.form!r} after 'figures'")
    if args.sheet == "template":
        if args.form is None:
            return _fail("say which form to fill: report template FORM.xlsx --xlsx OUT.xlsx")
        if not args.xlsx and not args.pdf:
            return _fail("say where to write the filled form: --xlsx FILE and/or --pdf FILE")
        if not Path(args.form).is_file():
            return _fail(f"no form at {args.form}")
    elif args.pdf or args.xlsx:
        return _fail("'report figures' prints the figures; it writes no file")
    try:
        period, _year = period_of(args)
    except ValueError as exc:
        return _fail(str(exc))
    problem = output_problem(args.pdf, args.xlsx)
    if problem:
        return _fail(problem)
    from desktop_app.store.target import exists, target_of

    db_path = target_of(args.report_db) if args.report_db else None  # a file or a server
    if db_path is not None and not exists(db_path):
        return _fail(f"no ledger file at {db_path}")
    _app = sheet_app(args.report_lang)  # held: translators, and Qt draws the PDF

    def t(text: str) -> str:
        return QCoreApplication.translate("Sheet", text)

    problem = open_for_sheets(db_path)
    if problem:
        return _fail(problem)
    unit_id = None
    if args.unit:
        try:
            unit_id = unit_of(args.unit)
        except ValueError as exc:
            return _fail(str(exc))
    entries, values = template.values_for(period, unit_id, dt.date.today(), t)
    if args.sheet == "figures":
        for name, what, value in entries:
            print(f"{name}\t{what}\t{value}" if what else f"{name}\t\t{value}")
        return 0
    return _fill(args, values)


def _fill(args: argparse.Namespace, values: dict[str, Any]) -> int:
    import tempfile

    from desktop_app.reports import template

    form = Path(args.form)
    outputs = [Path(p) for p in (args.xlsx, args.pdf) if p]
    for out in outputs:
        if out.exists() and out.resolve() == form.resolve():
            return _fail(f"{out} is the form itself: write the filled copy to another file")
    if len(outputs) == 2 and outputs[0].resolve() == outputs[1].resolve():
        return _fail("--xlsx and --pdf name the same file")
    try:
        if args.xlsx:
            filled = template.fill_file(form, args.xlsx, values)
            source = Path(args.xlsx)
        else:  # a PDF only: fill a copy in a temporary folder first
            folder = tempfile.TemporaryDirectory()
            source = Path(folder.name) / form.name
            filled = template.fill_file(form, source, values)
    except template.TemplateError as exc:
        print(f"coop-ledger report template: error: {exc}", file=sys.stderr)
        return 2
    if args.xlsx:
        print(f"{args.xlsx}: {filled.cells} cell(s) filled from {len(filled.names)} figure(s)")
    if args.pdf:
        from desktop_app.reports import form_paper

        try:
            printed = form_paper.print_form(source, args.pdf)
        except FileNotFoundError as exc:
            return _fail(f"cannot write {args.pdf}: {exc}")
        except ValueError as exc:  # no worksheet to print
            return _fail(f"{form.name}: {exc}")
        except OSError as exc:
            return _fail(f"cannot write: {exc}")
        print(f"{args.pdf}: {printed.pages} page(s)")
        if printed.not_printed:
            print(
                f"coop-ledger report template: warning: the PDF leaves out "
                f"{len(printed.not_printed)} chart(s) ({', '.join(printed.not_printed[:5])}); "
                "they are kept in the .xlsx",
                file=sys.stderr,
            )
        if printed.unevaluated:
            cells = ", ".join(printed.unevaluated[:10])
            more = (
                f" and {len(printed.unevaluated) - 10} more"
                if len(printed.unevaluated) > 10
                else ""
            )
            print(
                f"coop-ledger report template: warning: {len(printed.unevaluated)} formula "
                f"cell(s) this program cannot work out print empty in the PDF: {cells}{more}; "
                "Excel or WPS work them out when the .xlsx is opened",
                file=sys.stderr,
            )
    return 0
