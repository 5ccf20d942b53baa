"""Printing and export: handouts, duplex cut-out cards, fold cards, outlines, PDF, PNG.

``options`` is pure Python (the command line checks options without Qt); the
modules that paint import Qt and are imported only when an export starts.
"""
