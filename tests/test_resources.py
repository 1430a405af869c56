"""Translations ship inside the package and a missing catalogue is loud."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app import RESOURCES, catalogues, cli
from desktop_app.exchange import labels

ROOT = Path(__file__).resolve().parent.parent


def test_resources_are_package_data():
    assert RESOURCES == Path(os.fspath(files("desktop_app") / "resources"))
    qm, ts = catalogues.require("zh_CN")
    assert qm.is_file() and ts.is_file()
    assert RESOURCES.parent == Path(cli.__file__).parent


@pytest.fixture
def no_catalogue(tmp_path, monkeypatch):
    monkeypatch.setattr(catalogues, "I18N_DIR", tmp_path / "i18n-gone")
    labels.catalogue.cache_clear()
    yield
    labels.catalogue.cache_clear()


def test_report_in_chinese_without_catalogue_fails_loudly(demo_db, tmp_path, no_catalogue, capsys):
    xlsx = tmp_path / "s.xlsx"
    args = ["report", "summary", "--year", "2023", "--lang", "zh_CN"]
    code = cli.main([*args, "--xlsx", str(xlsx), "--db", str(demo_db)])
    err = capsys.readouterr().err
    assert code == 2
    assert "coop_ledger_zh_CN.qm" in err and "missing" in err
    assert not xlsx.exists()


def test_export_with_chinese_headers_without_catalogue_fails_loudly(
    demo_db, tmp_path, no_catalogue, capsys
):
    out = tmp_path / "i.xlsx"
    code = cli.main(["export", "institution", "--xlsx", str(out), "--db", str(demo_db)])
    assert code == 2
    assert "coop_ledger_zh_CN.ts" in capsys.readouterr().err


def test_gui_says_so_and_runs_in_english(qapp, no_catalogue, monkeypatch):
    from desktop_app import app

    shown = []
    monkeypatch.setattr(app.QMessageBox, "warning", lambda *a: shown.append(a))
    assert app.install_language(qapp, "zh_CN") == "en"
    assert len(shown) == 1 and "coop_ledger_zh_CN.qm" in shown[0][2]


def _make_venv(venv: Path) -> Path:
    """A venv that sees the installed dependencies (PySide6 …) but not this checkout."""
    try:
        subprocess.run(
            [sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot create a virtual environment here: {exc}")
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    return bin_dir


def test_wheel_ships_the_translations(tmp_path):
    """`pip install .` (not editable) must print Chinese sheets: the catalogue is
    package data, found through importlib.resources, not a path into the checkout."""
    bin_dir = _make_venv(tmp_path / "venv")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    # Build from a copy: setuptools leaves build/ behind, and a stale build/lib
    # would put files into the wheel that the package no longer has.
    src = tmp_path / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "packaging", "bench"
        ),
    )
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(src)], check=True)
    (wheel,) = wheels.glob("coop_ledger-*.whl")
    # The venv's own python runs pip (borrowed from the system site), so the
    # wheel goes into the venv and shadows the editable install.
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--force-reinstall", str(wheel)],
        check=True,
        cwd=tmp_path,
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}

    def run(*args: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            args, cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8"
        )
        assert done.returncode == 0, done.stderr
        return done

    where = run(
        str(python),
        "-c",
        "import desktop_app; from importlib.resources import files; "
        "print(desktop_app.__file__); print(files('desktop_app') / 'resources')",
    ).stdout.splitlines()
    package = Path(where[0]).parent
    assert package.is_relative_to(tmp_path / "venv"), where
    assert Path(where[1]) == package / "resources"
    for name in ("i18n/coop_ledger_zh_CN.qm", "i18n/coop_ledger_zh_CN.ts", "icons/coop-ledger.ico"):
        assert (package / "resources" / name).is_file()

    script = str(bin_dir / "coop-ledger")
    db, pdf, xlsx = tmp_path / "d.sqlite", tmp_path / "s.pdf", tmp_path / "s.xlsx"
    run(script, "demo", "--db", str(db))
    report = ["report", "summary", "--year", "2023", "--lang", "zh_CN"]
    run(script, *report, "--pdf", str(pdf), "--xlsx", str(xlsx), "--db", str(db))
    assert load_workbook(xlsx).active["A1"].value == "工作统计表"
    assert pdf.stat().st_size > 0
