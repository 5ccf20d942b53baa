"""Paper takes its colours from the app's stylesheet, so screen and print never drift apart."""

from __future__ import annotations

from PySide6.QtGui import QColor

from briefing.export.print_style import palette
from briefing.paths import resource_path
from briefing.render.stylesheet import stylesheet_rules


def test_stylesheet_rules_are_read_per_selector():
    rules = stylesheet_rules(
        "/* a comment { x } */ QLabel#a, QLabel#b { color: #123456; font-size: 12px; }\n"
        'QLabel#a[level="x"] { background: #abcdef }'
    )
    assert rules["QLabel#a"] == {"color": "#123456", "font-size": "12px"}
    assert rules["QLabel#b"]["color"] == "#123456"
    assert rules['QLabel#a[level="x"]'] == {"background": "#abcdef"}


def test_print_colours_are_the_screen_design_colours():
    rules = stylesheet_rules(resource_path("style.qss").read_text(encoding="utf-8"))
    colours = palette()
    assert colours.accent == QColor(rules["QLabel#cardTopic"]["color"])
    assert colours.ink == QColor(rules["QLabel#cardHeadline"]["color"])
    assert colours.body == QColor(rules["QTextBrowser#cardBody"]["color"])


def test_marking_banners_use_the_screen_banner_colours_by_level():
    rules = stylesheet_rules(resource_path("style.qss").read_text(encoding="utf-8"))
    top_secret = rules['QLabel#markingBanner[level="top-secret"]']
    background, ink = palette().banner_colors("TOP SECRET//NOFORN")
    assert background == QColor(top_secret["background"])
    assert ink == QColor(top_secret["color"])
    other_background, other_ink = palette().banner_colors("DRAFT")
    assert other_background == QColor(rules["QLabel#markingBanner"]["background"])
    assert other_ink == QColor("#ffffff")
