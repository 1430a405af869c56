"""Files attached to a record: add by button or drag and drop, open, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.records import attachments
from desktop_app.store import db as store_db


def _size_text(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(1, size // 1024)} KB"


class AttachmentsView(QWidget):
    def __init__(self, record_type: str, record_id: int, parent=None):
        super().__init__(parent)
        self.record_type = record_type
        self.record_id = record_id
        self.setAcceptDrops(True)
        hint = QLabel(self.tr("Drop files here, or use Add file…"), self)
        hint.setStyleSheet("color: gray")
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(self._open_item)
        self.add_button = QPushButton(self.tr("Add file…"), self)
        self.add_button.clicked.connect(self._choose_files)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.clicked.connect(lambda: self._open_item(self.list.currentItem()))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self._remove)
        if store_db.is_read_only():  # files can be opened, not added or removed
            self.setAcceptDrops(False)
            self.add_button.setEnabled(False)
            self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for att in attachments.list_for(self.record_type, self.record_id):
            item = QListWidgetItem(f"{att.file_name}  ({_size_text(att.size)})", self.list)
            item.setData(Qt.ItemDataRole.UserRole, att.id)
            item.setToolTip(str(attachments.stored_path(att)))

    def add_files(self, paths: list[str]) -> None:
        failed = []
        for p in paths:
            try:
                attachments.add_file(self.record_type, self.record_id, p)
            except OSError as exc:
                failed.append(f"{Path(p).name}: {exc.strerror or exc}")
        self.refresh()
        if failed:
            QMessageBox.warning(
                self, self.tr("Attachments"), self.tr("Could not add:") + "\n" + "\n".join(failed)
            )

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files"))
        if paths:
            self.add_files(paths)

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        path = attachments.path_of(item.data(Qt.ItemDataRole.UserRole))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove attachment"),
            self.tr("Remove %1 from this record?").replace("%1", item.text()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            attachments.remove(item.data(Qt.ItemDataRole.UserRole))
            self.refresh()

    # ---- drag and drop
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()
