"""The overview: every card's front in a grid, like a slide sorter."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)

from briefing.gui.overview.thumbnail_delegate import CardThumbnailDelegate
from briefing.gui.style_props import color_property
from briefing.gui.widgets.labels import plain_label


class OverviewView(QListView):
    """A grid of card thumbnails; Enter or a click on one emits ``card_activated``.

    (``activated`` covers both: Qt emits it on Enter, and on double click unless the
    platform opens items on a single click, in which case that emits it.) The model is the
    deck's, or search results over it; ``card_activated`` carries the row in that model.
    When it has no rows, the view shows its placeholder text instead.
    """

    card_activated = Signal(int)

    cardColor = color_property("_card_color", QPalette.ColorRole.Base)
    inkColor = color_property("_ink_color", QPalette.ColorRole.Text)
    accentColor = color_property("_accent_color", QPalette.ColorRole.Highlight)
    mutedColor = color_property("_muted_color", QPalette.ColorRole.PlaceholderText)
    shadowColor = color_property("_shadow_color", QPalette.ColorRole.Shadow)
    selectionColor = color_property("_selection_color", QPalette.ColorRole.Highlight)
    outlineColor = color_property("_outline_color", QPalette.ColorRole.NoRole)  # 0 alpha: none

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.setModel(model)
        self.placeholder_label = plain_label("overviewPlaceholder", self)
        self.placeholder_label.setAlignment(
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        )
        self.placeholder_label.setWordWrap(True)
        self.placeholder_label.hide()
        self._scroll_target: QPersistentModelIndex | None = None
        self.setItemDelegate(CardThumbnailDelegate(self))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        # Laid out a batch at a time between other events, so showing (or searching) a
        # 10,000-card deck does not hold up the keyboard while the grid is placed.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setSpacing(8)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.activated.connect(self._on_activated)
        self.clicked.connect(self._on_clicked)
        model.modelReset.connect(self._centre_grid)
        model.modelReset.connect(self._show_placeholder)

    def set_placeholder(self, text: str) -> None:
        """What to show while the model has no rows."""
        self.placeholder_label.setText(text)
        self._show_placeholder()

    def _show_placeholder(self) -> None:
        self.placeholder_label.setGeometry(self.contentsRect())
        self.placeholder_label.setVisible(
            self.model().rowCount() == 0 and bool(self.placeholder_label.text())
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Also called for the viewport's resizes, so the event's size is not ours.
        self._centre_grid()
        self._show_placeholder()
        super().resizeEvent(event)

    def _centre_grid(self) -> None:
        # Qt's icon mode packs items to the left; a left margin centres the grid.
        item = self.itemDelegate().sizeHint(QStyleOptionViewItem(), QModelIndex()).width()
        cell = item + self.spacing()
        margins = self.contentsMargins()
        room = (
            self.width()
            - margins.left()
            - margins.right()
            - self.verticalScrollBar().sizeHint().width()
            - self.spacing()
        )
        columns = max(1, min(room // cell, self.model().rowCount()))
        self.setViewportMargins(max(0, (room - columns * cell) // 2), 0, 0, 0)

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        if not index.isValid():
            return
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._scroll_target = QPersistentModelIndex(index)
        self._scroll_to_target()

    def updateGeometries(self) -> None:
        # Qt calls this when the last batch of the layout is placed, among other times.
        super().updateGeometries()
        self._scroll_to_target()

    def _scroll_to_target(self) -> None:
        """Scroll to the selected card once the layout has placed it (it may be a batch away)."""
        target = self._scroll_target
        if target is None:
            return
        index = self.model().index(target.row(), 0) if target.isValid() else QModelIndex()
        if not index.isValid():
            self._scroll_target = None
        elif self.visualRect(index).isValid():
            self._scroll_target = None
            self.scrollTo(index)

    def selected_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def _on_clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        # A click opens a card too, unless the platform already activates on one click.
        single_click_activates = self.style().styleHint(
            QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick, None, self
        )
        if not single_click_activates:
            self._on_activated(index)

    def _on_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.card_activated.emit(index.row())
