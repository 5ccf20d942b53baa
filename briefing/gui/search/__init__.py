"""Searching in the window: the search session, its results model and the search box."""
