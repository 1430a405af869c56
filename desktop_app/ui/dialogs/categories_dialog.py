"""Edit the category lists (activity types, stages …) that choice fields offer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.records import service
from desktop_app.store import categories


class CategoriesDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Category lists"))
        self.resize(620, 460)
        self.lists = QListWidget(self)
        for key in categories.SEEDS:
            item = QListWidgetItem(
                QCoreApplication.translate("Lists", categories.LIST_LABELS.get(key, key))
            )
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.lists.addItem(item)
        self.words = QListWidget(self)
        self.lists.currentRowChanged.connect(self._show_words)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.add_button.clicked.connect(self._add)
        self.rename_button.clicked.connect(self._rename)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        side = QVBoxLayout()
        for b in (
            self.add_button,
            self.rename_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            side.addWidget(b)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.lists, 1)
        body.addWidget(self.words, 1)
        body.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(body)
        lay.addWidget(close)
        self.lists.setCurrentRow(0)

    def _key(self) -> str:
        return self.lists.currentItem().data(Qt.ItemDataRole.UserRole)

    def _show_words(self, _row: int = 0) -> None:
        self.words.clear()
        self.words.addItems(categories.words(self._key()))

    def _current_words(self) -> list[str]:
        return [self.words.item(i).text() for i in range(self.words.count())]

    def _add(self) -> None:
        word, ok = QInputDialog.getText(self, self.tr("Add"), self.tr("New word:"))
        if ok and word.strip():
            try:
                service.add_category_word(self._key(), word)
            except service.SeparatorInWord:
                self._refuse_separator(self.tr("Add"))
                return
            self._show_words()

    def _rename(self) -> None:
        item = self.words.currentItem()
        if item is None:
            return
        new, ok = QInputDialog.getText(
            self, self.tr("Rename"), self.tr("New word:"), text=item.text()
        )
        new = new.strip()
        if not ok or not new or new == item.text():
            return
        if new in self._current_words():
            QMessageBox.warning(
                self, self.tr("Rename"), self.tr("This word is already in the list.")
            )
            return
        try:
            changed = service.rename_category_word(self._key(), item.text(), new)
        except service.SeparatorInWord:
            self._refuse_separator(self.tr("Rename"))
            return
        self._show_words()
        QMessageBox.information(
            self,
            self.tr("Rename"),
            self.tr("%1 records now use the new word.").replace("%1", str(changed)),
        )

    def _refuse_separator(self, title: str) -> None:
        QMessageBox.warning(
            self,
            title,
            self.tr(
                "A word of this list cannot hold %1: records keep several of its words "
                "joined by them. Write it another way, e.g. 研发与中试."
            ).replace("%1", " ".join(service.MULTI_SEPARATORS)),
        )

    def _remove(self) -> None:
        row = self.words.currentRow()
        if row < 0:
            return
        words = self._current_words()
        del words[row]
        categories.set_words(self._key(), words)
        self._show_words()

    def _move(self, step: int) -> None:
        row = self.words.currentRow()
        words = self._current_words()
        target = row + step
        if row < 0 or not 0 <= target < len(words):
            return
        words[row], words[target] = words[target], words[row]
        categories.set_words(self._key(), words)
        self._show_words()
        self.words.setCurrentRow(target)
