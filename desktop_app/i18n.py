"""Translators: our zh_CN catalogue plus Qt's own (standard dialogs, buttons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app import RESOURCES

I18N_DIR = RESOURCES / "i18n"
SUPPORTED = ("zh_CN", "en")

_installed: list[QTranslator] = []


def pick_language(requested: str | None) -> str:
    """--lang wins; else the system locale: Chinese → zh_CN, anything else → en."""
    if requested:
        return requested
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install(app: QCoreApplication, language: str) -> str:
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return language
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"coop_ledger_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return language


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
