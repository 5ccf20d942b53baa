"""A panel in the window listing why a deck could not be opened. It never blocks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.core.errors import Problem
from briefing.gui.qt_card_front import plain_label


class ErrorPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorPanel")
        self.heading_label = plain_label("errorHeading")
        self.heading_label.setWordWrap(True)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problemList")
        self.problem_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.problem_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.problem_list.setWordWrap(True)
        self.problem_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.close_button = QPushButton("Dismiss")
        self.close_button.setObjectName("errorClose")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.hide)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading_label, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.problem_list)
        self.hide()

    def show_problems(self, path: str, problems: Sequence[Problem], still_showing: str) -> None:
        """List ``problems``; ``still_showing`` is the deck left on screen ("" for none)."""
        count = len(problems)
        heading = f"Couldn't open {path} \u2014 {count} problem{'s' if count != 1 else ''}."
        if still_showing:
            heading += f" Still showing {still_showing}."
        self.heading_label.setText(heading)
        self.problem_list.clear()
        for problem in problems:
            self.problem_list.addItem(QListWidgetItem(str(problem)))
        rows = min(max(count, 1), 6)
        row_height = self.problem_list.sizeHintForRow(0) if count else 20
        self.problem_list.setFixedHeight(rows * row_height + 2 * self.problem_list.frameWidth() + 4)
        self.show()

    def problem_lines(self) -> list[str]:
        return [self.problem_list.item(i).text() for i in range(self.problem_list.count())]
