"""Where the translation catalogues live, and a loud failure when one is gone.

Qt-free, so the command line's import and export can ask too. A catalogue
that silently fails to load turns a Chinese sheet into an English one with
exit code 0; a broken installation must say so instead.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app import resource

I18N_DIR = resource("i18n")


class CatalogueMissing(RuntimeError):
    """A translation catalogue the program ships is not on disk (a broken install)."""

    def __init__(self, language: str, missing: list[Path]) -> None:
        names = ", ".join(str(p) for p in missing)
        super().__init__(
            f"the {language} translation catalogue is missing or unreadable: {names} "
            "(the installation is incomplete; reinstall Cooperation Ledger)"
        )
        self.language = language
        self.missing = missing


def catalogue_path(language: str, suffix: str) -> Path:
    """suffix ".ts" is the source (read as XML by exchange.labels), ".qm" the compiled one."""
    return I18N_DIR / f"coop_ledger_{language}{suffix}"


def require(language: str) -> tuple[Path, Path]:
    """The (.qm, .ts) pair of language; raises CatalogueMissing if either is absent."""
    pair = (catalogue_path(language, ".qm"), catalogue_path(language, ".ts"))
    missing = [p for p in pair if not p.is_file()]
    if missing:
        raise CatalogueMissing(language, missing)
    return pair
