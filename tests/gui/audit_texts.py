"""Every text a window shows, found the way a reader meets it, and two checks on each: its
contrast read from the window's pixels, and whether it is shown whole (or elided with "…"
and whole elsewhere: its tooltip, or a scroll away).

A window is walked widget by widget; each visible, enabled widget that writes something
gives one or more ``TextPart``s (a list gives one per item it shows). Disabled controls are
left out: WCAG 1.4.3 exempts text of "inactive user interface components".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from contrast_helpers import MINIMUM, MINIMUM_LARGE, contrast_ratio, text_and_background
from PySide6.QtCore import QModelIndex, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QMenu,
    QMenuBar,
    QRadioButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionGroupBox,
    QStyleOptionSpinBox,
    QStyleOptionViewItem,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from briefing.gui.widgets.highlight_label import HighlightLabel

ELLIPSIS = "\u2026"
# Antialiasing and a rounded font metric can overhang a box by a pixel.
SLACK = 1.0


@dataclass(frozen=True)
class TextPart:
    """One text as shown: in ``widget``, drawn within ``area`` (the widget's coordinates)."""

    widget: QWidget
    name: str  # what a failure names: the widget and the start of its text
    text: str  # the whole text
    shown: str  # what is painted: the whole text, or the text cut short with "…"
    area: QRect
    font: QFont
    wraps: bool = False
    tooltip: str = ""
    # Reachable some other way (a line edit scrolls its own text; a custom list's item
    # holds the whole in its tooltip, checked by ``tooltip``): only the sign is checked.
    self_scrolling: bool = False
    # Text whose fit is the widget's own affair (custom-painted); contrast only.
    fit_checked: bool = True

    def __post_init__(self) -> None:
        # A copy: a font read from a style option or a format goes with it.
        object.__setattr__(self, "font", QFont(self.font))


def plain(text: str) -> str:
    """A button's or menu's text as shown: "&File" is "File", "&&" is "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def describe(widget: QWidget, text: str) -> str:
    kind = type(widget).__name__
    name = f"{kind}#{widget.objectName()}" if widget.objectName() else kind
    short = " ".join(text.split())
    return f"{name} {short[:40]!r}" + ("…" if len(short) > 40 else "")


# -- finding the texts -------------------------------------------------------------------------


def text_parts(top: QWidget) -> Iterator[TextPart]:
    """The texts ``top`` shows now, widget by widget."""
    if isinstance(top, QMenu):  # a menu, read as drawn when opened (see audit_screens)
        yield from _parts_of(top)
        return
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.isEnabled():
            continue  # hidden; or disabled, which WCAG exempts
        if widget.visibleRegion().isEmpty():
            continue  # wholly covered or clipped away: scrolled out of sight
        yield from _parts_of(widget)


def _parts_of(widget: QWidget) -> Iterator[TextPart]:
    if isinstance(widget, HighlightLabel):
        if widget.text():
            shown = widget.document().toPlainText()
            yield TextPart(
                widget,
                describe(widget, widget.text()),
                widget.text(),
                shown,
                widget.contentsRect(),
                widget.painted_font(),
                widget.wraps(),
                widget.toolTip(),
            )
    elif isinstance(widget, QLabel):
        if widget.text() and widget.pixmap().isNull():
            yield _label_part(widget)
    elif isinstance(widget, QToolButton):
        if widget.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly and widget.text():
            text = plain(widget.text())
            yield TextPart(
                widget, describe(widget, text), text, text, _inside(widget, 3), widget.font()
            )
    elif isinstance(widget, (QCheckBox, QRadioButton)):
        if widget.text():
            element = (
                QStyle.SubElement.SE_CheckBoxContents
                if isinstance(widget, QCheckBox)
                else QStyle.SubElement.SE_RadioButtonContents
            )
            option = QStyleOptionButton()
            widget.initStyleOption(option)  # type: ignore[attr-defined]
            area = widget.style().subElementRect(element, option, widget)
            text = plain(widget.text())
            yield TextPart(widget, describe(widget, text), text, text, area, widget.font())
    elif isinstance(widget, QAbstractButton):
        if widget.text():
            text = plain(widget.text())
            area = _inside(widget, 4)
            if not widget.icon().isNull():
                area.setLeft(area.left() + widget.iconSize().width() + 4)
            yield TextPart(widget, describe(widget, text), text, text, area, widget.font())
    elif isinstance(widget, QLineEdit):
        yield from _line_edit_parts(widget)
    elif isinstance(widget, QComboBox):
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)  # type: ignore[attr-defined]
        area = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            widget,
        )
        text = widget.currentText()
        if text:
            yield TextPart(widget, describe(widget, text), text, text, area, widget.font())
    elif isinstance(widget, QAbstractSpinBox):
        option = QStyleOptionSpinBox()
        widget.initStyleOption(option)  # type: ignore[attr-defined]
        area = widget.style().subControlRect(
            QStyle.ComplexControl.CC_SpinBox, option, QStyle.SubControl.SC_SpinBoxEditField, widget
        )
        text = widget.text()
        if text:
            yield TextPart(widget, describe(widget, text), text, text, area, widget.font())
    elif isinstance(widget, QGroupBox):
        if widget.title():
            option = QStyleOptionGroupBox()
            widget.initStyleOption(option)  # type: ignore[attr-defined]
            area = widget.style().subControlRect(
                QStyle.ComplexControl.CC_GroupBox,
                option,
                QStyle.SubControl.SC_GroupBoxLabel,
                widget,
            )
            text = plain(widget.title())
            yield TextPart(widget, describe(widget, text), text, text, area, widget.font())
    elif isinstance(widget, QTabBar):
        for tab in range(widget.count()):
            text = plain(widget.tabText(tab))
            if text and widget.isTabVisible(tab):
                area = widget.tabRect(tab).adjusted(6, 2, -6, -2)
                yield TextPart(
                    widget,
                    describe(widget, text),
                    text,
                    text,
                    area,
                    widget.font(),
                    tooltip=widget.tabToolTip(tab),
                )
    elif isinstance(widget, QMenu):
        for action in widget.actions():
            text = plain(action.text())
            if text and action.isVisible() and action.isEnabled():  # disabled: exempt
                area = widget.actionGeometry(action).adjusted(2, 1, -2, -1)
                # A menu sizes itself to its texts; its rows are read for contrast.
                yield TextPart(
                    widget,
                    describe(widget, text),
                    text,
                    text,
                    area,
                    widget.font(),
                    fit_checked=False,
                )
    elif isinstance(widget, QMenuBar):
        for action in widget.actions():
            text = plain(action.text())
            if text and action.isVisible():
                area = widget.actionGeometry(action).adjusted(2, 2, -2, -2)
                yield TextPart(widget, describe(widget, text), text, text, area, widget.font())
    elif isinstance(widget, QHeaderView):
        yield from _header_parts(widget)
    elif isinstance(widget, QAbstractItemView):
        yield from _item_parts(widget)
    elif isinstance(widget, QTextEdit):
        yield from _document_parts(widget)


def _label_part(label: QLabel) -> TextPart:
    area = label.contentsRect()
    margin = label.margin()
    area = area.adjusted(margin, margin, -margin, -margin)
    text = plain(label.text()) if label.buddy() is not None else label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return TextPart(
        label,
        describe(label, text),
        text,
        text,
        area,
        label.font(),
        label.wordWrap(),
        label.toolTip(),
    )


def _line_edit_parts(edit: QLineEdit) -> Iterator[TextPart]:
    """Typed text scrolls within the box (reachable); a placeholder Qt elides to the room
    between the box's icons."""
    if isinstance(edit.parentWidget(), (QAbstractSpinBox, QComboBox)):
        return  # the box's part, read with the box
    area = _inside(edit, 3)
    if not edit.text():  # the cursor stands where the text starts, after a leading icon
        area.setLeft(edit.cursorRect().center().x())
    for button in edit.findChildren(QToolButton):
        if button.isVisible() and button.x() > area.center().x():
            area.setRight(min(area.right(), button.x() - 1))
    if edit.text():
        text = edit.text()
        yield TextPart(
            edit, describe(edit, text), text, text, area, edit.font(), self_scrolling=True
        )
    elif edit.placeholderText():
        text = edit.placeholderText()
        shown = QFontMetricsF(edit.font()).elidedText(
            text, Qt.TextElideMode.ElideRight, area.width()
        )
        yield TextPart(
            edit, describe(edit, text), text, shown, area, edit.font(), tooltip=edit.toolTip()
        )


def _inside(widget: QWidget, frame: int) -> QRect:
    return widget.rect().adjusted(frame, frame, -frame, -frame)


def _on_viewport(view: QAbstractScrollArea, rect: QRect) -> QRect:
    """``rect`` in the viewport's coordinates, as the view's own, clipped to what shows."""
    shown = rect.intersected(view.viewport().rect())
    return shown.translated(view.viewport().mapTo(view, QPoint(0, 0)))


def _header_parts(header: QHeaderView) -> Iterator[TextPart]:
    model = header.model()
    if model is None:
        return
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        position = header.sectionViewportPosition(section)
        size = header.sectionSize(section)
        if header.orientation() == Qt.Orientation.Horizontal:
            rect = QRect(position, 0, size, header.height())
        else:
            rect = QRect(0, position, header.width(), size)
        area = _on_viewport(header, rect.adjusted(4, 2, -4, -2))
        if text and not area.isEmpty():
            yield TextPart(header, describe(header, text), text, text, area, header.font())


def _item_parts(view: QAbstractItemView) -> Iterator[TextPart]:
    model = view.model()
    if model is None:
        return
    delegate = view.itemDelegate()
    custom = type(delegate) is not QStyledItemDelegate
    columns = model.columnCount() if not isinstance(view, QListView) else 1
    for row in range(model.rowCount()):
        for column in range(columns):
            index = model.index(row, column)
            rect = view.visualRect(index)
            if rect.isEmpty() or not view.viewport().rect().contains(rect):
                continue  # wholly or partly scrolled out of sight: a scroll away
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            tooltip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            if custom:  # painted its own way: contrast over the whole item
                area = _on_viewport(view, rect.adjusted(2, 2, -2, -2))
                yield TextPart(
                    view,
                    describe(view, text or tooltip),
                    text or tooltip,
                    text or tooltip,
                    area,
                    view.font(),
                    tooltip=tooltip,
                    fit_checked=False,
                )
                continue
            if not text:
                continue
            yield _item_part(view, index, rect, text, tooltip)


def _item_part(
    view: QAbstractItemView, index: QModelIndex, rect: QRect, text: str, tooltip: str
) -> TextPart:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    delegate = view.itemDelegateForIndex(index)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    option.rect = rect
    inner = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    inner = inner.adjusted(3, 0, -3, 0)  # the style's text margin
    font = option.font
    wraps = bool(option.features & QStyleOptionViewItem.ViewItemFeature.WrapText)
    shown = text
    if not wraps and view.textElideMode() != Qt.TextElideMode.ElideNone:
        shown = QFontMetricsF(font).elidedText(text, view.textElideMode(), inner.width())
    area = inner.translated(view.viewport().mapTo(view, QPoint(0, 0)))
    return TextPart(view, describe(view, text), text, shown, area, font, wraps, tooltip)


def _document_parts(edit: QTextEdit) -> Iterator[TextPart]:
    """A text view's visible blocks, one part each (a quote may have a colour of its own);
    it scrolls, so its fit is the scroll bar's, not checked here."""
    document = edit.document()
    layout = document.documentLayout()
    offset = QPoint(edit.horizontalScrollBar().value(), edit.verticalScrollBar().value())
    # An overlay (the fade over text still to scroll to) hides what is under it.
    covers = [
        child.geometry()
        for child in edit.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if child.isVisible()
        and child.geometry().intersects(edit.viewport().geometry())
        and child is not edit.viewport()
    ]
    block = document.begin()
    while block.isValid():
        text = block.text().strip()
        if text:
            box = layout.blockBoundingRect(block).toRect().translated(-offset)
            area = _on_viewport(edit, box)
            for cover in covers:
                if cover.intersects(area):
                    area.setBottom(cover.top() - 1)
            if area.height() >= QFontMetricsF(edit.font()).height():  # a line, at least
                yield TextPart(
                    edit,
                    describe(edit, text),
                    text,
                    text,
                    area,
                    edit.font(),
                    wraps=True,
                    self_scrolling=True,
                )
        block = block.next()


# -- contrast ----------------------------------------------------------------------------------


def measured_contrast(image: QImage, top: QWidget, part: TextPart) -> float | None:
    """The contrast of ``part``'s text in ``image``, a grab of ``top``; None when no part of
    its area shows."""
    area = part.area.intersected(part.widget.rect())
    place = QRect(part.widget.mapTo(top, area.topLeft()), area.size()).intersected(top.rect())
    if place.width() < 2 or place.height() < 2:
        return None
    ratio = image.devicePixelRatio()
    scaled = QRect(
        int(place.x() * ratio),
        int(place.y() * ratio),
        int(place.width() * ratio),
        int(place.height() * ratio),
    )
    text, background = text_and_background(image.copy(scaled))
    return contrast_ratio(text, background)


def required_contrast(part: TextPart) -> float:
    font = part.font
    size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
    large = size >= 24 or (font.bold() and size >= 18.6)
    return MINIMUM_LARGE if large else MINIMUM


def contrast_failures(top: QWidget, parts: list[TextPart] | None = None) -> list[str]:
    """Each text in ``top`` below its WCAG minimum, named with its ratio.

    WCAG measures the colours text is set in; a grab blends a thin stem (a "1") with what
    is behind it. A text that fails in the grab is measured again in the window drawn at
    three times the size, where stems are solid, and fails only if it fails there too."""
    image = top.grab().toImage()
    large: QImage | None = None
    failures = []
    for part in parts if parts is not None else text_parts(top):
        ratio = measured_contrast(image, top, part)
        if ratio is None:
            continue
        needed = required_contrast(part)
        if ratio < needed:
            large = large if large is not None else drawn_large(top)
            ratio = measured_contrast(large, top, part) or ratio
        if ratio < needed:
            failures.append(f"{part.name}: {ratio:.2f}:1 < {needed}:1")
    return failures


def drawn_large(top: QWidget, scale: int = 3) -> QImage:
    image = QImage(top.size() * scale, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)
    image.fill(0)
    top.render(image)
    return image


# -- nothing cut -------------------------------------------------------------------------------


def needed_size(font: QFont, area: QRect, text: str, wraps: bool) -> QRectF:
    flags = int(Qt.AlignmentFlag.AlignLeft.value)
    if wraps:
        flags |= int(Qt.TextFlag.TextWordWrap.value)
    room = QRectF(0, 0, max(area.width(), 1), 1_000_000)
    return QFontMetricsF(font).boundingRect(room, flags, text)


def cut_failure(part: TextPart) -> str | None:
    """Why ``part`` is not shown whole, or None: what is painted must fit its box, and
    where that is not the whole text, it ends in "…" and the whole is elsewhere."""
    if part.fit_checked and not part.self_scrolling:
        needed = needed_size(part.font, part.area, part.shown, part.wraps)
        width, height = needed.width(), needed.height()
        if width > part.area.width() + SLACK or height > part.area.height() + SLACK:
            return (
                f"{part.name}: clipped, needs {width:.0f}x{height:.0f} px, "
                f"has {part.area.width()}x{part.area.height()}"
            )
    if part.shown != part.text:
        if not part.shown.rstrip().endswith(ELLIPSIS):
            return f"{part.name}: cut short without '…' (shows {part.shown[-20:]!r})"
        if not (part.self_scrolling or _whole_in(part.text, part.tooltip)):
            return f"{part.name}: elided, and its whole text is nowhere (tooltip {part.tooltip!r})"
    return None


def _whole_in(text: str, tooltip: str) -> bool:
    squeeze = " ".join
    return bool(tooltip) and squeeze(text.split()) in squeeze(tooltip.split())


def cut_failures(top: QWidget, parts: list[TextPart] | None = None) -> list[str]:
    """Every text in ``top`` that is cut, outside the window, or under a sibling."""
    parts = parts if parts is not None else list(text_parts(top))
    failures = [failure for part in parts if (failure := cut_failure(part)) is not None]
    widgets = list(dict.fromkeys(part.widget for part in parts))
    failures += [f"{describe(w, '')}: outside the window" for w in widgets if _outside(top, w)]
    failures += _overlaps(widgets)
    return failures


def _outside(top: QWidget, widget: QWidget) -> bool:
    """Whether part of ``widget`` lies beyond its window (or, inside a scroll area, beyond
    what the area can scroll to)."""
    bounds, inside = top, widget
    ancestor = widget.parentWidget()
    while ancestor is not None and ancestor is not top:
        scroll = ancestor.parentWidget()
        if isinstance(scroll, QAbstractScrollArea) and ancestor is scroll.viewport():
            if _can_scroll(scroll):
                return False  # its content scrolls: everything in it is a scroll away
            bounds, inside = ancestor, widget
            break
        ancestor = ancestor.parentWidget()
    place = QRect(inside.mapTo(bounds, QPoint(0, 0)), inside.size())
    return not bounds.rect().contains(place)


def _can_scroll(area: QAbstractScrollArea) -> bool:
    off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    return area.verticalScrollBarPolicy() != off or area.horizontalScrollBarPolicy() != off


def _laid_out(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    return layout is not None and _holds(layout, widget)


def _holds(layout: QLayout, widget: QWidget) -> bool:
    for number in range(layout.count()):
        item = layout.itemAt(number)
        if item.widget() is widget:
            return True
        if item.layout() is not None and _holds(item.layout(), widget):
            return True
    return False


def _overlaps(widgets: list[QWidget]) -> list[str]:
    """Text widgets laid out beside each other whose boxes overlap (one hides the other)."""
    failures = []
    laid = [w for w in widgets if _laid_out(w)]
    for number, one in enumerate(laid):
        for other in laid[number + 1 :]:
            if one.parentWidget() is not other.parentWidget():
                continue
            common = one.geometry().intersected(other.geometry())
            if common.width() > 1 and common.height() > 1:
                failures.append(
                    f"{describe(one, '')} and {describe(other, '')} overlap by "
                    f"{common.width()}x{common.height()} px"
                )
    return failures
