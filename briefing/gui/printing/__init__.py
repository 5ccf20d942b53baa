"""Printing and Export PDF: the preview and export dialogs, their options panel, the job and
the remembered settings.
"""
