"""A read-only look at the file and line a deck problem names, beside the window."""

from __future__ import annotations

import os

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from briefing.core.errors import Problem, shown_name
from briefing.core.files import describe_os_error, open_regular
from briefing.gui.widgets.labels import plain_label

MAX_SHOWN_BYTES = 2 * 1024 * 1024


def read_shown_text(path: str) -> tuple[str, str]:
    """(the file's text, "") or ("", why it is not shown)."""
    try:
        with open_regular(path) as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_SHOWN_BYTES:
                megabytes = size / 1024 / 1024
                return "", f"{shown_name(path)} is too large to show here ({megabytes:.1f} MB)."
            data = file.read(MAX_SHOWN_BYTES + 1)
    except OSError as error:
        return "", f"Cannot show {shown_name(path)}: {describe_os_error(error)}."
    if len(data) > MAX_SHOWN_BYTES:
        return "", f"{shown_name(path)} is too large to show here."
    return data.decode("utf-8", errors="replace"), ""


class ProblemViewer(QDialog):
    """Non-modal: the message above the file's text, the problem's line highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemViewer")
        self.setModal(False)
        self.message_label = plain_label("problemMessage")
        self.message_label.setWordWrap(True)
        self.text_view = QPlainTextEdit()
        self.text_view.setObjectName("problemText")
        self.text_view.setReadOnly(True)
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.text_view, 1)
        self.resize(720, 480)
        self.problem: Problem | None = None

    def show_problem(self, problem: Problem) -> None:
        self.problem = problem
        name = os.path.basename(problem.path) or problem.path
        self.setWindowTitle(f"{shown_name(name)} \u2014 Briefing")
        text, why = read_shown_text(problem.path)
        self.message_label.setText(str(problem))
        self.text_view.setPlainText(why or text)
        self.text_view.setExtraSelections([])
        if not why:
            self._mark(problem.line, problem.column)
        self.show()
        self.activateWindow()

    def _mark(self, line: int, column: int) -> None:
        document = self.text_view.document()
        block = document.findBlockByNumber(max(line - 1, 0))
        if not block.isValid():
            block = document.lastBlock()
        cursor = QTextCursor(block)
        cursor.movePosition(
            QTextCursor.MoveOperation.Right,
            QTextCursor.MoveMode.MoveAnchor,
            min(max(column - 1, 0), max(block.length() - 1, 0)),
        )
        marked = QTextCharFormat()
        marked.setBackground(QColor(255, 80, 80, 70))
        marked.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection = QTextEdit.ExtraSelection()
        selection.format = marked
        selection.cursor = QTextCursor(block)
        self.text_view.setExtraSelections([selection])
        self.text_view.setTextCursor(cursor)
        self.text_view.centerCursor()

    def cursor_position(self) -> tuple[int, int]:
        """The cursor's LINE and COLUMN, 1-based."""
        cursor = self.text_view.textCursor()
        return cursor.blockNumber() + 1, cursor.positionInBlock() + 1

    def highlighted_line(self) -> int:
        """The highlighted line, 1-based; 0 when none."""
        selections = self.text_view.extraSelections()
        return selections[0].cursor.blockNumber() + 1 if selections else 0
