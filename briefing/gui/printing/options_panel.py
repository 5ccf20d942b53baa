"""The options of a print or PDF export: layout, cards per page, paper, notes, printer
offset, and which cards. The print preview and the Export PDF dialog share it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from briefing.export.options import (
    LAYOUTS,
    MAX_OFFSET_MM,
    PAGE_SIZES,
    PER_PAGE,
    ExportOptions,
    default_page_size,
    layouts_taking,
    takes,
)
from briefing.gui.printing.export_settings import SCOPES, CardChoice, Scope

LAYOUT_NAMES = {
    "handout": "Handout",
    "cards": "Cut-out cards (duplex)",
    "fold": "Fold cards",
    "outline": "Outline",
}
OFFSET_HINT = "Moves the backs to match your printer."


class ExportOptionsPanel(QWidget):
    """Emits ``changed`` once for each change the user makes (not for ``set_...`` calls)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportOptions")
        self._per_page_by_layout: dict[str, int] = {}

        self.layout_combo = QComboBox()
        for layout in LAYOUTS:
            self.layout_combo.addItem(LAYOUT_NAMES.get(layout, layout.title()), layout)
        self.per_page_combo = QComboBox()
        self.paper_combo = QComboBox()
        for size in PAGE_SIZES:
            self.paper_combo.addItem(size, size)
        self.notes_check = QCheckBox("Speaker &notes")
        self.notes_check.setToolTip(
            f"Print each card's speaker notes with it ({', '.join(layouts_taking('notes'))})"
        )
        self.offset_x = self._offset_box("Across: a positive offset moves the backs right")
        self.offset_y = self._offset_box("Down: a positive offset moves the backs down")
        self.offset_hint = QLabel(OFFSET_HINT)
        self.offset_hint.setObjectName("optionHint")
        self.offset_hint.setWordWrap(True)

        self.scope_buttons = {
            "deck": QRadioButton("&Whole deck"),
            "search": QRadioButton("Cards matching the &search"),
            "card": QRadioButton("The &card on screen"),
        }
        self.scope_group = QButtonGroup(self)
        for scope, button in self.scope_buttons.items():
            self.scope_group.addButton(button, SCOPES.index(scope))
        self.scope_buttons["deck"].setChecked(True)

        self.setLayout(self._build())
        self.layout_combo.currentIndexChanged.connect(self.on_layout_changed)
        self.per_page_combo.currentIndexChanged.connect(self.on_per_page_changed)
        self.paper_combo.currentIndexChanged.connect(self.changed)
        self.notes_check.toggled.connect(self.changed)
        self.offset_x.valueChanged.connect(self.changed)
        self.offset_y.valueChanged.connect(self.changed)
        self.scope_group.idToggled.connect(self.on_scope_toggled)
        self.set_options(ExportOptions())

    def _offset_box(self, tip: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(-MAX_OFFSET_MM, MAX_OFFSET_MM)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        box.setSuffix(" mm")
        box.setKeyboardTracking(False)  # one preview for "1.5", not three
        box.setToolTip(tip)
        return box

    def _build(self) -> QVBoxLayout:
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(16)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Layout", self.layout_combo)
        form.addRow("Cards per pa&ge", self.per_page_combo)
        form.addRow("Pape&r", self.paper_combo)
        form.addRow("", self.notes_check)
        offsets = QHBoxLayout()
        offsets.setSpacing(8)
        self.offset_x_label = QLabel("&x")
        self.offset_x_label.setBuddy(self.offset_x)
        self.offset_y_label = QLabel("&y")
        self.offset_y_label.setBuddy(self.offset_y)
        offsets.addWidget(self.offset_x_label)
        offsets.addWidget(self.offset_x, 1)
        offsets.addWidget(self.offset_y_label)
        offsets.addWidget(self.offset_y, 1)
        form.addRow("Printer offset", offsets)
        self.offset_row_label = form.labelForField(offsets)
        form.addRow("", self.offset_hint)

        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(_heading("Page setup"))
        column.addLayout(form)
        column.addSpacing(14)
        column.addWidget(_heading("Cards"))
        for button in self.scope_buttons.values():
            column.addWidget(button)
        return column

    # -- state -------------------------------------------------------------------------

    def layout_name(self) -> str:
        return str(self.layout_combo.currentData())

    def remembered(self) -> ExportOptions:
        """Everything as set, notes and offset included where this layout does not use them."""
        return ExportOptions(
            self.layout_name(),  # type: ignore[arg-type]
            int(self.per_page_combo.currentData() or 0),
            self.paper_combo.currentData(),
            self.notes_check.isChecked(),
            (self.offset_x.value(), self.offset_y.value()),
        )

    def options(self) -> ExportOptions:
        """The options for the engine: notes and offset only where the layout uses them."""
        return self.remembered().for_layout()

    def set_options(self, options: ExportOptions) -> None:
        blocked = self.blockSignals(True)
        try:
            layout = options.layout if options.layout in LAYOUTS else LAYOUTS[0]
            if options.per_page in PER_PAGE[layout]:
                self._per_page_by_layout[layout] = options.per_page
            self.layout_combo.setCurrentIndex(max(self.layout_combo.findData(layout), 0))
            self._fill_per_page(layout)
            paper = options.page_size or default_page_size()
            self.paper_combo.setCurrentIndex(max(self.paper_combo.findData(paper), 0))
            self.notes_check.setChecked(options.notes)
            self.offset_x.setValue(options.offset_mm[0])
            self.offset_y.setValue(options.offset_mm[1])
        finally:
            self.blockSignals(blocked)
        self._update_enabled()

    def scope(self) -> Scope:
        return SCOPES[max(self.scope_group.checkedId(), 0)]  # type: ignore[return-value]

    def set_scope(self, scope: Scope) -> None:
        button = self.scope_buttons.get(scope)
        if button is None or not button.isEnabled():
            button = self.scope_buttons["deck"]
        blocked = self.blockSignals(True)
        button.setChecked(True)
        self.blockSignals(blocked)

    def set_choice(self, choice: CardChoice) -> None:
        """Name the cards each choice prints; a choice with no cards cannot be picked."""
        deck_count = choice.count("deck")
        self.scope_buttons["deck"].setText(f"&Whole deck ({_cards(deck_count)})")
        if choice.matches is None:
            self.scope_buttons["search"].setText("Cards matching the &search")
            self.scope_buttons["search"].setToolTip("Search first (Ctrl+F) to print only matches")
        else:
            self.scope_buttons["search"].setText(
                f"Cards matching the &search ({choice.count('search') or 'none'})"
            )
            self.scope_buttons["search"].setToolTip("")
        self.scope_buttons["card"].setText(f"The &card on screen (card {choice.current + 1})")
        if 0 <= choice.current < deck_count:
            self.scope_buttons["card"].setToolTip(choice.deck.cards[choice.current].title)
        for scope, button in self.scope_buttons.items():
            button.setEnabled(choice.available(scope))  # type: ignore[arg-type]
        if not self.scope_buttons[self.scope()].isEnabled():
            self.set_scope("deck")

    # -- reacting to the user ------------------------------------------------------------

    def on_layout_changed(self) -> None:
        with_signals = self.per_page_combo.blockSignals(True)
        self._fill_per_page(self.layout_name())
        self.per_page_combo.blockSignals(with_signals)
        self._update_enabled()
        self.changed.emit()

    def on_per_page_changed(self) -> None:
        self._per_page_by_layout[self.layout_name()] = int(self.per_page_combo.currentData() or 0)
        self.changed.emit()

    def on_scope_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def _fill_per_page(self, layout: str) -> None:
        choices = PER_PAGE[layout]
        wanted = self._per_page_by_layout.get(layout, choices[0])
        self.per_page_combo.clear()
        for n in sorted(choices):
            self.per_page_combo.addItem(str(n), n)
        self.per_page_combo.setCurrentIndex(max(self.per_page_combo.findData(wanted), 0))

    def _update_enabled(self) -> None:
        layout = self.layout_name()
        self.per_page_combo.setEnabled(len(PER_PAGE[layout]) > 1)
        self.notes_check.setEnabled(takes(layout, "notes"))
        uses_offset = takes(layout, "offset")
        for widget in (
            self.offset_x,
            self.offset_y,
            self.offset_x_label,
            self.offset_y_label,
            self.offset_row_label,
            self.offset_hint,
        ):
            if widget is not None:
                widget.setEnabled(uses_offset)


def _cards(count: int) -> str:
    return f"{count} card{'s' if count != 1 else ''}"


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("optionHeading")
    return label
