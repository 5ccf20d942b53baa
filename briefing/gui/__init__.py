"""The Qt desktop app. Only this package imports PySide6; see ``briefing.gui.app.run``."""
