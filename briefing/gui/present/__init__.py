"""Presenting: the controller, its one key table, the audience and presenter windows, the clock
and the card grid.
"""
