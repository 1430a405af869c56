"""Translators: our zh_CN catalogue plus Qt's own (standard dialogs, buttons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.catalogues import CatalogueMissing, require

SUPPORTED = ("zh_CN", "en")

_installed: list[QTranslator] = []


def pick_language(requested: str | None) -> str:
    """--lang wins; else the system locale: Chinese → zh_CN, anything else → en."""
    if requested:
        return requested
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install(app: QCoreApplication, language: str) -> str:
    """Install language's translators; raises CatalogueMissing when ours is not
    there (so the caller can say so rather than print English silently)."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return language
    qm, _ts = require(language)
    ours = QTranslator(app)
    if not ours.load(str(qm)):
        raise CatalogueMissing(language, [qm])
    QLocale.setDefault(QLocale(language))
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
