"""The presenter's window: this card's two sides, the next card, the speaker notes and the
timers, with the controls for the countdown, the stage and the screens."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.card import zoom
from briefing.gui.card.card_view import CardView
from briefing.gui.present.audience_window import (
    KeysOverlay,
    PresentationKeys,
    between_banners,
    marking_banners,
    show_typed,
    typed_number_label,
)
from briefing.gui.present.card_grid import CardGrid
from briefing.gui.present.clock import MAX_COUNTDOWN_MINUTES
from briefing.gui.present.keys import presenter_command_for, presenter_key_help
from briefing.gui.settings import NOTES_ZOOM_KEY, app_settings, as_int, read
from briefing.gui.style_props import color_property, restyle
from briefing.gui.widgets.labels import caps_label, plain_label
from briefing.render.back_document import BackStyle, fill_notes
from briefing.render.safe_document import SafeDocument

if TYPE_CHECKING:
    from briefing.gui.present.presentation import Presentation

TICK_MS = 250  # how often the timers are redrawn
NO_NOTES = "No speaker notes for this card."
_STAGES = (("dark", "Dark stage"), ("light", "Light stage"))


class PreviewCardView(CardView):
    """A card in the presenter view: small margins, turned over at once."""

    flip_duration_ms: ClassVar[int] = 0
    front_scrolls: ClassVar[bool] = False  # nobody scrolls it: no scroll bar shown
    max_card_width: ClassVar[int] = 100_000
    margin: ClassVar[int] = 16
    # Below this a preview is too small to read: the notes give up room first.
    min_readable_height: ClassVar[int] = 150

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.min_readable_height)


class NotesView(QTextBrowser):
    """The speaker notes, large; deck text, so Markdown with HTML off and nothing loaded."""

    mutedColor = color_property("_muted_color", QPalette.ColorRole.PlaceholderText)
    accentColor = color_property("_accent_color", QPalette.ColorRole.Highlight)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerNotes")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDocument(SafeDocument(self))
        self._notes = ""

    def loadResource(self, type: int, name: object) -> object:
        return None

    def set_zoom(self, percent: int) -> None:
        """The notes at ``percent`` of the size the stylesheet gives them."""
        app = QApplication.instance()
        sheet = app.styleSheet() if isinstance(app, QApplication) else ""
        self.setStyleSheet(zoom.scaled_font_rules(sheet, percent, ("speakerNotes",)))
        self.set_notes(self._notes)

    def set_notes(self, notes: str) -> None:
        self._notes = notes
        self.ensurePolished()
        document = SafeDocument(self)
        style = BackStyle.on_screen(self.font(), self.mutedColor, self.accentColor)
        fill_notes(document, notes.strip() or NO_NOTES, style)
        old = self.document()
        self.setDocument(document)
        if old.parent() is self:
            old.deleteLater()
        self.setProperty("empty", not notes.strip())
        restyle(self, with_children=True)


def _saved_notes_zoom() -> int:
    saved = as_int(read(app_settings(), NOTES_ZOOM_KEY))
    return saved if saved in zoom.STEPS else zoom.DEFAULT


def _caption(text: str) -> QLabel:
    label = caps_label("presenterCaption")
    label.setText(text)
    return label


class PresenterWindow(PresentationKeys, QWidget):
    """What the presenter sees on the laptop."""

    def __init__(self, presentation: Presentation, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenterWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(f"{presentation.deck.title} \u2014 Presenter View")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.presentation = presentation
        self.setProperty("stage", presentation.stage)  # the previews show the room's stage

        self.position_label = plain_label("presenterPosition")
        self.blank_label = plain_label("blankStatus")
        self.blank_label.hide()
        self.elapsed_label = plain_label("elapsedTime")
        self.clock_label = plain_label("wallClock")
        self.countdown_label = plain_label("countdown")
        self.front_caption = _caption("Front")
        self.back_caption = _caption("Back")
        self.front_view = PreviewCardView()
        self.back_view = PreviewCardView()
        self.next_caption = plain_label("nextCaption")
        self.next_caption.setWordWrap(True)
        self.next_view = PreviewCardView()
        self.notes = NotesView()
        self.notes_caption = _caption("Speaker notes")
        self.notes_zoom = _saved_notes_zoom()
        self.typed_label = typed_number_label(self)
        self.keys_overlay = KeysOverlay(self, presenter_key_help())
        self.card_grid = CardGrid(self)
        # A laptop screen is often mirrored to the room: it is marked as the room's is.
        self.top_banner, self.bottom_banner = marking_banners(presentation.deck.marking)

        self.countdown_box = QSpinBox()
        self.countdown_box.setObjectName("countdownMinutes")
        self.countdown_box.setRange(0, MAX_COUNTDOWN_MINUTES)
        self.countdown_box.setSpecialValueText("No countdown")
        self.countdown_box.setSuffix(" min")
        self.countdown_box.setPrefix("Countdown ")
        self.countdown_box.setValue(presentation.clock.countdown_seconds // 60)
        # The stylesheet's padding does not reach the text of a box with styled buttons.
        self.countdown_box.lineEdit().setTextMargins(8, 0, 0, 0)
        self.restart_button = QPushButton("Restart Timer (R)")
        self.stage_box = QComboBox()
        self.stage_box.setObjectName("stageChoice")
        for stage, text in _STAGES:
            self.stage_box.addItem(text, stage)
        self.stage_box.setCurrentIndex(0 if presentation.stage == "dark" else 1)
        self.swap_button = QPushButton("Swap Screens (S)")
        self.cards_button = QPushButton("All Cards (G)")
        self.keys_button = QPushButton("Keys (?)")
        self.end_button = QPushButton("End (Esc)")
        self.end_button.setObjectName("primaryButton")
        for control in (
            self.restart_button,
            self.cards_button,
            self.swap_button,
            self.keys_button,
            self.end_button,
        ):
            control.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stage_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.countdown_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.swap_button.setEnabled(presentation.projector_screen() is not None)

        self._layout()
        for view in (self.front_view, self.back_view, self.next_view):
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A clicker's keys must move the cards whatever has focus: the countdown box would
        # otherwise take Page Down as "fewer minutes" and Space as nothing.
        for child in self.findChildren(QWidget):
            child.installEventFilter(self)
        self.front_view.clicked.connect(presentation.flip)
        self.back_view.clicked.connect(presentation.flip)
        self.next_view.clicked.connect(presentation.next)
        self.countdown_box.valueChanged.connect(self.on_countdown_chosen)
        self.countdown_box.editingFinished.connect(self.setFocus)
        self.restart_button.clicked.connect(self.on_restart_clicked)
        self.stage_box.currentIndexChanged.connect(self.on_stage_chosen)
        self.swap_button.clicked.connect(presentation.swap_screens)
        self.cards_button.clicked.connect(self.show_card_grid)
        self.card_grid.chosen.connect(presentation.go_to)
        self.keys_button.clicked.connect(self.keys_overlay.show_over_parent)
        self.end_button.clicked.connect(presentation.end)
        presentation.card_changed.connect(self.on_card_changed)
        presentation.side_changed.connect(self.on_side_changed)
        presentation.blank_changed.connect(self.on_blank_changed)
        presentation.stage_changed.connect(self.on_stage_changed)
        presentation.typed_changed.connect(self.on_typed_changed)
        # The back preview shows what the room sees of a long back.
        presentation.back_scrolled.connect(self.back_view.back.set_scroll_fraction)

        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self.refresh_timers)
        self.tick.start()
        self.set_notes_zoom(self.notes_zoom)
        self.on_card_changed()
        self.refresh_timers()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(28)
        top.addWidget(self.position_label)
        top.addWidget(self.blank_label)
        top.addStretch(1)
        top.addWidget(self.countdown_label)
        top.addWidget(self.elapsed_label)
        top.addWidget(self.clock_label)

        cards = QGridLayout()
        cards.setHorizontalSpacing(20)
        cards.setVerticalSpacing(4)
        cards.addWidget(self.front_caption, 0, 0)
        cards.addWidget(self.back_caption, 0, 1)
        cards.addWidget(self.next_caption, 0, 2)
        cards.addWidget(self.front_view, 1, 0)
        cards.addWidget(self.back_view, 1, 1)
        next_column = QVBoxLayout()
        next_column.addWidget(self.next_view, 3)
        next_column.addStretch(1)
        cards.addLayout(next_column, 1, 2)
        cards.setColumnStretch(0, 5)
        cards.setColumnStretch(1, 5)
        cards.setColumnStretch(2, 3)

        timing = QHBoxLayout()
        timing.setSpacing(10)
        for control in (self.countdown_box, self.restart_button, self.stage_box):
            timing.addWidget(control)
        timing.addStretch(1)
        going = QHBoxLayout()
        going.setSpacing(10)
        going.addStretch(1)
        for control in (self.cards_button, self.keys_button, self.swap_button, self.end_button):
            going.addWidget(control)
        # One row where it fits, two on a narrow screen (see resizeEvent).
        controls = self.controls = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        controls.setSpacing(10)
        controls.addLayout(timing)
        controls.addLayout(going)

        column = QVBoxLayout()
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(10)
        column.addLayout(top)
        column.addLayout(cards, 5)
        column.addWidget(self.notes_caption)
        column.addWidget(self.notes, 4)
        column.addLayout(controls)

        window = QVBoxLayout(self)
        window.setContentsMargins(0, 0, 0, 0)
        window.setSpacing(0)
        window.addWidget(self.top_banner)
        window.addLayout(column, 1)
        window.addWidget(self.bottom_banner)
        self.setMinimumSize(self.minimumSizeHint())  # with the controls in two rows
        self._one_row_width = (
            self.minimumSizeHint().width()
            - controls.minimumSize().width()
            + timing.minimumSize().width()
            + going.minimumSize().width()
            + controls.spacing()
        )

    # -- following the presentation --------------------------------------------------------

    def on_card_changed(self) -> None:
        presentation = self.presentation
        deck, card = presentation.deck, presentation.card
        self.front_view.set_card(deck, card)
        self.back_view.set_card(deck, card)
        self.back_view.flip()
        for view in (self.front_view, self.back_view):
            view.front.hint_label.hide()
        following = presentation.next_card
        if following is None:
            self.next_caption.setText("End of deck")
            self.next_view.hide()
        else:
            self.next_caption.setText(f"Next: {following.title}")
            self.next_view.set_card(deck, following)
            self.next_view.front.hint_label.hide()
            self.next_view.show()
        self.notes.set_notes(card.notes)
        self.position_label.setText(f"Card {presentation.position + 1} of {presentation.count()}")
        self.on_side_changed(presentation.showing_back)

    def on_side_changed(self, back: bool) -> None:
        """Mark the side the room sees."""
        self.front_caption.setText("Front \u2014 on screen" if not back else "Front")
        self.back_caption.setText("Back \u2014 on screen" if back else "Back")
        self.front_caption.setProperty("live", not back)
        self.back_caption.setProperty("live", back)
        self.front_view.setProperty("live", not back)
        self.back_view.setProperty("live", back)
        for widget in (self.front_caption, self.back_caption):
            restyle(widget, with_children=True)

    def showing_back(self) -> bool:
        """The side marked as on screen (both sides are always in view here)."""
        return bool(self.back_caption.property("live"))

    def on_blank_changed(self, blank: str) -> None:
        self.blank_label.setText(f"Screen is {blank} \u2014 any key brings the card back")
        self.blank_label.setVisible(bool(blank))

    def on_stage_changed(self, stage: str) -> None:
        blocked = self.stage_box.blockSignals(True)
        self.stage_box.setCurrentIndex(0 if stage == "dark" else 1)
        self.stage_box.blockSignals(blocked)
        self.setProperty("stage", stage)
        restyle(self, with_children=True)
        # The backs' text takes its colours from the stylesheet when it is filled.
        self.on_card_changed()

    def on_typed_changed(self, typed: str) -> None:
        show_typed(self.typed_label, typed, self.presentation.count())

    def refresh_timers(self) -> None:
        clock = self.presentation.clock
        self.elapsed_label.setText(f"Elapsed {clock.elapsed_text()}")
        self.clock_label.setText(clock.clock_text())
        state = clock.state()
        self.countdown_label.setText(clock.countdown_text())
        self.countdown_label.setVisible(state != "off")
        if self.countdown_label.property("state") != state:
            self.countdown_label.setProperty("state", state)
            restyle(self.countdown_label, with_children=True)

    # -- controls --------------------------------------------------------------------------

    def show_card_grid(self) -> None:
        presentation = self.presentation
        cards = [presentation.deck.cards[index] for index in presentation.cards]
        self.card_grid.show_at(cards, presentation.position)

    def set_notes_zoom(self, percent: int) -> None:
        """The speaker notes at ``percent`` of their usual size, kept for the next time."""
        self.notes_zoom = min(max(percent, zoom.STEPS[0]), zoom.STEPS[-1])
        self.notes.set_zoom(self.notes_zoom)
        shown = "" if self.notes_zoom == zoom.DEFAULT else f" \u00b7 {self.notes_zoom}%"
        self.notes_caption.setText(f"Speaker notes{shown}")
        app_settings().setValue(NOTES_ZOOM_KEY, self.notes_zoom)

    def notes_zoom_in(self) -> None:
        self.set_notes_zoom(zoom.zoom_in(self.notes_zoom))

    def notes_zoom_out(self) -> None:
        self.set_notes_zoom(zoom.zoom_out(self.notes_zoom))

    def notes_zoom_reset(self) -> None:
        self.set_notes_zoom(zoom.DEFAULT)

    def _presenter_key(self, event: QKeyEvent) -> bool:
        """The keys of this view alone (the card grid's, the notes' size, G); True when
        used. The "?" list and a blanked screen take any key first."""
        if self.card_grid.handle_key(event):
            return True
        if self.keys_overlay.isVisible() or self.presentation.blank:
            return False
        command = presenter_command_for(event.key(), event.text(), event.modifiers())
        if command is None:
            return False
        command(self)
        return True

    def on_countdown_chosen(self, minutes: int) -> None:
        self.presentation.set_countdown_minutes(minutes)
        self.refresh_timers()

    def on_restart_clicked(self) -> None:
        self.presentation.clock.restart()
        self.refresh_timers()

    def on_stage_chosen(self, row: int) -> None:
        self.presentation.set_stage(_STAGES[row][0])  # type: ignore[arg-type]

    # -- Qt events -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not (self._presenter_key(event) or self.dispatch_key(event)):
            super().keyPressEvent(event)
        self.refresh_timers()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and (self._presenter_key(event) or self.dispatch_key(event))
        ):
            self.refresh_timers()
            return True
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= self._one_row_width
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.controls.direction() != direction:
            self.controls.setDirection(direction)
        super().resizeEvent(event)
        for overlay in (self.keys_overlay, self.card_grid):
            if overlay.isVisible():
                overlay.setGeometry(between_banners(self))
        show_typed(self.typed_label, self.presentation.typed, self.presentation.count())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tick.stop()
        super().closeEvent(event)
        self.presentation.end()
