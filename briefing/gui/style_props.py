"""Colours for the parts Qt paints by hand, settable from ``style.qss``.

Widgets that paint (the card shadow, the overview thumbnails, the text document of a card's
back) declare ``QColor`` properties with :func:`color_property`; the stylesheet sets them
with ``qproperty-accentColor: #...``, so every colour still lives in one stylesheet. Until the
stylesheet sets one, a property falls back to a palette role.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Property, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget


def color_property(attribute: str, fallback: QPalette.ColorRole) -> QColor:
    """A ``QColor`` Qt property kept in ``attribute``; read on a widget, it is the colour
    (typed so: the descriptor's class-level type is not what code reads)."""

    def get(self: QWidget) -> QColor:
        color = getattr(self, attribute, None)
        return QColor(color) if color is not None else self.palette().color(fallback)

    def set_(self: QWidget, value: QColor) -> None:
        setattr(self, attribute, QColor(value))
        # QWidget's, by name: in PySide6 6.10.0 an item view's update(index) hides it
        QWidget.update(self)

    return cast(QColor, Property(QColor, get, set_))


def restyle(widget: QWidget, *, with_children: bool = False) -> None:
    """Apply the stylesheet to ``widget`` again (and to every widget inside it, for rules
    that select on a property of an ancestor), after a property its rules select on changed.

    A widget not yet polished gets its style when first shown anyway; skipping it here
    keeps start-up from building Qt's QStyle bindings early.
    """
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return
    style = widget.style()
    for each in (widget, *(widget.findChildren(QWidget) if with_children else ())):
        style.unpolish(each)
        style.polish(each)
        QWidget.update(each)  # by name: see set_ above
