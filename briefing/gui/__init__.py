"""The Qt desktop app, the only package that builds widgets; see ``briefing.gui.app.run``."""
