"""Draw the installer's finish-page picture (164×314, 24-bit BMP, as NSIS wants).

    QT_QPA_PLATFORM=offscreen python packaging/windows/make_wizard_bitmap.py

A quiet blue panel with the program icon and its name, instead of NSIS's stock
picture. The result is committed as packaging/windows/wizard.bmp.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QLinearGradient, QPainter

HERE = Path(__file__).resolve().parent
ICON = HERE.parent.parent / "desktop_app" / "resources" / "icons" / "coop-ledger.png"


def draw() -> QImage:
    image = QImage(164, 314, QImage.Format.Format_RGB888)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(0, 0, 0, 314)
    gradient.setColorAt(0, QColor("#eaf2fc"))
    gradient.setColorAt(1, QColor("#c9dcf4"))
    p.fillRect(image.rect(), gradient)
    icon = QImage(str(ICON)).scaled(
        88, 88, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    p.drawImage(38, 64, icon)
    font = QFont("Noto Sans CJK SC", 15)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#1f4e9c"))
    p.drawText(QRectF(0, 168, 164, 30), Qt.AlignmentFlag.AlignHCenter, "合作台账")
    font.setBold(False)
    font.setPointSize(8)
    p.setFont(font)
    p.setPen(QColor("#3b5f8f"))
    p.drawText(QRectF(0, 200, 164, 20), Qt.AlignmentFlag.AlignHCenter, "Cooperation Ledger")
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841
    out = HERE / "wizard.bmp"
    if not draw().save(str(out), "BMP"):
        print(f"could not write {out}", file=sys.stderr)
        return 1
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
