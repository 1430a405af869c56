"""Draw the program icon: a rounded blue square with a white ledger.

    python tools/make_icon.py

Writes desktop_app/resources/icons/coop-ledger.png (256 px) and coop-ledger.ico
(16 … 256 px, PNG-compressed entries, which Windows reads since Vista). Each
size is drawn on its own pixel grid, not scaled down from 256, so the ledger's
rows stay crisp at 16 px.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPen

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "desktop_app" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE_TOP, BLUE_BOTTOM, INK = QColor("#3a7bd5"), QColor("#1f4e9c"), QColor("#1f4e9c")


def draw(size: int) -> QImage:
    s = float(size)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)

    # The tile: small sizes use the whole square, large ones keep a margin.
    inset = 0.0 if size <= 24 else round(s * 0.04)
    tile = QRectF(inset, inset, s - 2 * inset, s - 2 * inset)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomLeft())
    gradient.setColorAt(0, BLUE_TOP)
    gradient.setColorAt(1, BLUE_BOTTOM)
    p.setBrush(gradient)
    p.drawRoundedRect(tile, s * 0.2, s * 0.2)

    # The ledger: a white book with a pale spine, pixel-aligned.
    left, right = round(s * 0.25), round(s * 0.75)
    top, bottom = round(s * 0.19), round(s * 0.81)
    p.setBrush(QColor("white"))
    p.drawRoundedRect(QRectF(left, top, right - left, bottom - top), s * 0.05, s * 0.05)
    spine = max(2, round(s * 0.1))
    p.setBrush(QColor("#cfe0f7"))
    p.drawRect(QRectF(left + max(1, round(s * 0.03)), top, spine - 1, bottom - top))

    # Ruled rows, fewer on small icons so they do not merge into grey.
    rows = 2 if size <= 16 else 3 if size <= 32 else 4
    thick = max(1, round(s * 0.045))
    x0, x1 = left + spine + max(1, round(s * 0.05)), right - max(1, round(s * 0.07))
    first, last = top + (bottom - top) * 0.26, bottom - (bottom - top) * 0.2
    pen = QPen(INK, thick, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    for i in range(rows):
        y = round(first + (last - first) * i / max(rows - 1, 1)) + (thick % 2) / 2
        p.drawLine(QPointF(x0, y), QPointF(x1 if i else x1 - (x1 - x0) * 0.35, y))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not write a PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO container: ICONDIR, one ICONDIRENTRY per size, then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        side = 0 if size >= 256 else size  # 0 means 256 in the directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    images = [(size, png_bytes(draw(size))) for size in SIZES]
    (OUT / "coop-ledger.ico").write_bytes(ico_bytes(images))
    (OUT / "coop-ledger.png").write_bytes(dict(images)[256])
    print(f"{OUT}: coop-ledger.ico ({', '.join(map(str, SIZES))} px), coop-ledger.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
