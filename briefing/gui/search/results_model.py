"""The cards that match a search, best first: a list model over the deck's list model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """Row ``i`` is the source's row ``rows[i]``, for the rows given to :meth:`set_rows`.

    With no rows set (``None``) every source row shows, in the source's order; a change to
    the source's rows resets to that. Data, for every role, is the source's.

    A list model rather than a ``QAbstractProxyModel``: a Python ``index()`` runs for each
    row whenever the grid lays itself out (twice per row, 150 ms at 10,000 cards), while
    ``QAbstractListModel`` keeps ``index()`` and ``parent()`` in C++.
    """

    def __init__(self, source: QAbstractItemModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._rows: list[int] | None = None
        self._positions: dict[int, int] | None = None
        self._count = source.rowCount()  # asked twice per row by each layout of the grid
        for about_to_change in (
            source.modelAboutToBeReset,
            source.rowsAboutToBeInserted,
            source.rowsAboutToBeRemoved,
            source.rowsAboutToBeMoved,
            source.layoutAboutToBeChanged,
        ):
            about_to_change.connect(self._on_source_about_to_change)
        for changed in (
            source.modelReset,
            source.rowsInserted,
            source.rowsRemoved,
            source.rowsMoved,
            source.layoutChanged,
        ):
            changed.connect(self._on_source_changed)
        source.dataChanged.connect(self._on_source_data_changed)

    def source_model(self) -> QAbstractItemModel:
        return self._source

    # -- the rows shown ----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[int] | None) -> None:
        """Show these source rows, in this order; ``None`` shows every row."""
        self.beginResetModel()
        self._rows = list(rows) if rows is not None else None
        self._positions = None
        self._count = len(self._rows) if self._rows is not None else self._source.rowCount()
        self.endResetModel()

    def rows(self) -> list[int] | None:
        return None if self._rows is None else list(self._rows)

    def source_row(self, row: int) -> int:
        """The source row shown at ``row``, or -1 if there is none."""
        if not 0 <= row < self.rowCount():
            return -1
        return row if self._rows is None else self._rows[row]

    def row_of(self, source_row: int) -> int:
        """Where ``source_row`` shows, or -1 if it does not."""
        if self._rows is None:
            return source_row if 0 <= source_row < self._source.rowCount() else -1
        if self._positions is None:
            self._positions = {row: position for position, row in enumerate(self._rows)}
        return self._positions.get(source_row, -1)

    def map_to_source(self, index: _Index) -> QModelIndex:
        row = self.source_row(index.row()) if index.isValid() else -1
        return self._source.index(row, 0) if row >= 0 else QModelIndex()

    def map_from_source(self, source_index: _Index) -> QModelIndex:
        row = self.row_of(source_index.row()) if source_index.isValid() else -1
        return self.index(row, 0) if row >= 0 else QModelIndex()

    # -- QAbstractListModel ------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._count

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.map_to_source(index).data(role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        source = self.map_to_source(index)
        return self._source.flags(source) if source.isValid() else Qt.ItemFlag.NoItemFlags

    # -- following the source ----------------------------------------------------------------

    def _on_source_about_to_change(self, *_: object) -> None:
        self.beginResetModel()

    def _on_source_changed(self, *_: object) -> None:
        self._rows = None
        self._positions = None
        self._count = self._source.rowCount()
        self.endResetModel()

    def _on_source_data_changed(self, *_: object) -> None:
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, 0))
