"""Finding cards: the one table of searchable fields, the query language, matching and the
index (no Qt).
"""
