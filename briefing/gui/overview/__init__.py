"""The overview: every card as a thumbnail in a grid, with its list model."""
