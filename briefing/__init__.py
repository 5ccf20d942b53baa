"""Briefing: read, print and present briefing decks of flip cards."""

__version__ = "0.1.0"

# The name the desktop knows Briefing by: its desktop entry and icon, its window class
# (X11's WM_CLASS instance, the Wayland app id) and its session socket.
APP_ID = "briefing"
