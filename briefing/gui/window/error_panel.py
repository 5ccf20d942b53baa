"""A panel in the window listing why a deck could not be opened. It never blocks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
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

from briefing.core.errors import Problem, shown_name
from briefing.gui.widgets.labels import plain_label

if TYPE_CHECKING:
    from briefing.gui.window.problem_viewer import ProblemViewer


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
        self.problem_list.setToolTip("Click a problem, or press Enter, to see its file and line")
        # Click or Enter (activated) opens the file at the problem's line.
        self.problem_list.clicked.connect(self.show_problem_at)
        self.problem_list.activated.connect(self.show_problem_at)
        self.problems: list[Problem] = []  # the list's rows, in order
        self.viewer: ProblemViewer | None = None
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

    def show_problems(
        self, path: str, problems: Sequence[Problem], still_showing: str, reloading: bool = False
    ) -> None:
        """List ``problems``; ``still_showing`` is the deck left on screen ("" for none);
        ``reloading``: the deck on screen was edited and its new version has problems."""
        count = len(problems)
        verb = "reload" if reloading else "open"
        plural = "s" if count != 1 else ""
        heading = f"Couldn't {verb} {shown_name(path)} \u2014 {count} problem{plural}."
        if still_showing:
            heading += f" Still showing {still_showing}."
        self.heading_label.setText(heading)
        self.problem_list.clear()
        self.problems = list(problems)
        for problem in problems:
            self.problem_list.addItem(QListWidgetItem(str(problem)))
        rows = min(max(count, 1), 6)
        row_height = self.problem_list.sizeHintForRow(0) if count else 20
        self.problem_list.setFixedHeight(rows * row_height + 2 * self.problem_list.frameWidth() + 4)
        self.show()

    def show_problem_at(self, index: QModelIndex) -> ProblemViewer | None:
        """Open (or point) the viewer at the problem in row ``index``, non-modal."""
        if not 0 <= index.row() < len(self.problems):
            return None
        from briefing.gui.window.problem_viewer import ProblemViewer  # at the first click

        if self.viewer is None:
            self.viewer = ProblemViewer(self.window())
        self.viewer.show_problem(self.problems[index.row()])
        return self.viewer

    def problem_lines(self) -> list[str]:
        return [self.problem_list.item(i).text() for i in range(self.problem_list.count())]
