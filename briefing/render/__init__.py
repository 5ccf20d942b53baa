"""Drawing cards with QtGui and no widgets: fonts, safe documents, card backs, search
highlights, markings, glyph cover.

Export and the GUI both build on this package; it imports neither of them, nor QtWidgets.
"""
