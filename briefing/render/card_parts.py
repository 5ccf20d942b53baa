"""Which searchable fields each part of a card shows: the front's parts, the back's sections.

A search marks its matches where the card shows the field matched. The front marks each
of its parts by the field the part shows; the back document marks each block of deck
text with its section's fields (``back_document.SECTION_PROPERTY``), and the match is
looked for in that block's text as those fields. Both read this table; a test keeps it in
step with the searchable fields' table (``core/search/fields.py``): each part shows
fields of its own side, and every field of a side is shown by a part of it.
"""

from __future__ import annotations

# The front's parts, to the field each shows.
FRONT_PARTS: dict[str, str] = {
    "topic": "title",
    "headline": "headline",
    "figure value": "figure",
    "figure label": "figure",
    "tags": "tag",
}

# The back's sections, to the fields their text shows.
BACK_SECTIONS: dict[str, tuple[str, ...]] = {
    "body": ("body",),
    "quote": ("quote",),
    "attribution": ("by", "source"),  # the quote's speaker, then its source's title
    "image": ("image",),  # the image's caption, or what stands in for an image not shown
    "source": ("source",),  # a cited source's title, then its publisher and date
    "source url": (),  # not searched, so never marked
}

# What a block of each section is marked with: its fields, split by spaces.
SECTION_MARKS: dict[str, str] = {name: " ".join(fields) for name, fields in BACK_SECTIONS.items()}
