"""One card on screen: its front, its back, the view that flips between them, and text zoom."""
