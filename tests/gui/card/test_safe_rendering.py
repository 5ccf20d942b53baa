"""Deck text comes from strangers: it is shown as text, and nothing is loaded through it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from factories import make_card
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QLabel

from briefing.core.model import Deck, Image
from briefing.gui.window.main_window import MainWindow
from briefing.render.back_document import fit_images
from briefing.render.safe_document import SafeDocument

MakeDeck = Callable[..., Deck]


def show(
    window: MainWindow, make_deck: MakeDeck, folder: Path = Path(), **card_fields: object
) -> None:
    window.on_deck_loaded(make_deck(0, cards=(make_card(1, **card_fields),), folder=folder))


def image_names(document: QTextDocument) -> list[str]:
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            char_format = it.fragment().charFormat()
            if char_format.isImageFormat():
                names.append(char_format.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def test_raw_html_in_body_is_shown_literally(window: MainWindow, make_deck: MakeDeck) -> None:
    show(window, make_deck, body="Hi <script>alert(1)</script> and <b>bold</b>")
    text = window.card_view.back.browser.toPlainText()
    assert "<script>alert(1)</script>" in text
    assert "<b>bold</b>" in text


def test_markup_in_title_is_shown_literally_in_plain_text_labels(
    window: MainWindow, make_deck: MakeDeck
) -> None:
    show(window, make_deck, title="<b>x</b>", headline="<i>y</i>")
    front = window.card_view.front
    for label in (front.topic_label, front.headline_label, window.card_view.back.title_label):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert front.topic_label.text() == "<b>x</b>"
    assert front.headline_label.text() == "<i>y</i>"
    assert window.card_view.back.title_label.text() == "<b>x</b>"


def test_every_label_showing_deck_text_is_plain_text(
    window: MainWindow, make_deck: MakeDeck
) -> None:
    window.on_deck_loaded(
        make_deck(2, title="<u>deck</u>", subtitle="<i>s</i>", marking="<b>M</b>")
    )
    deck_labels = [label for label in window.findChildren(QLabel) if "<" in label.text()]
    assert len(deck_labels) >= 4
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in deck_labels)


def test_markdown_image_of_a_local_file_loads_nothing(
    window: MainWindow, make_deck: MakeDeck, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    real = SafeDocument.loadResource

    def spy(self: SafeDocument, kind: int, name: QUrl) -> object:
        asked.append(name.toString())
        return real(self, kind, name)

    monkeypatch.setattr(SafeDocument, "loadResource", spy)
    show(window, make_deck, body="Look: ![secret](/etc/hostname) and ![x](file:///etc/passwd)")
    window.flip_card()
    window.card_view.back.grab()  # lays out and paints the back
    document = window.card_view.back.document
    assert isinstance(document, SafeDocument)
    assert image_names(document) == []
    assert asked == []
    assert "[image not shown: secret]" in document.toPlainText()


def test_safe_document_resolves_no_outside_resource() -> None:
    document = SafeDocument()
    for name in ("/etc/hostname", "file:///etc/passwd", "http://example.invalid/x.png", "x.png"):
        url = QUrl(name)
        assert document.loadResource(QTextDocument.ResourceType.ImageResource, url) is None


def test_remote_image_url_loads_nothing(window: MainWindow, make_deck: MakeDeck) -> None:
    show(window, make_deck, body="![tracker](http://example.invalid/pixel.png)")
    document = window.card_view.back.document
    assert image_names(document) == []
    assert "[image not shown: tracker]" in document.toPlainText()


def test_browser_itself_loads_no_resources(window: MainWindow) -> None:
    browser = window.card_view.back.browser
    assert (
        browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("/etc/hostname"))
        is None
    )
    assert browser.searchPaths() == []


def test_links_are_text_and_not_clickable(window: MainWindow, make_deck: MakeDeck) -> None:
    show(window, make_deck, body="See [the report](https://example.org/r) now.")
    browser = window.card_view.back.browser
    assert "the report (https://example.org/r)" in browser.toPlainText()
    assert not browser.openLinks()
    assert not browser.openExternalLinks()
    assert browser.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    block = browser.document().begin()
    it = block.begin()
    while not it.atEnd():
        assert not it.fragment().charFormat().isAnchor()
        it += 1


def test_quotes_and_sources_are_plain_text_on_the_back(
    window: MainWindow, make_deck: MakeDeck
) -> None:
    show(window, make_deck, quotes=(), body="Body")
    from briefing.core.model import Quote, Source

    deck = make_deck(
        0,
        cards=(make_card(1, quotes=(Quote("<b>said</b>", "<i>who</i>", "src"),)),),
        sources=(Source("src", "<h1>Src</h1>", "<em>Pub</em>", "2024", "javascript:alert(1)"),),
    )
    window.on_deck_loaded(deck)
    text = window.card_view.back.browser.toPlainText()
    for literal in ("<b>said</b>", "\u2014 <i>who</i>, <h1>Src</h1>", "<em>Pub</em> \u00b7 2024"):
        assert literal in text
    assert "javascript:alert(1)" in text
    assert "Sources" in text


def test_card_image_from_deck_folder_is_shown(
    window: MainWindow, make_deck: MakeDeck, tmp_path: Path
) -> None:
    picture = QImage(1600, 400, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    path = tmp_path / "map.png"
    assert picture.save(str(path))
    show(window, make_deck, image=Image(path, "A map of the region"), folder=tmp_path)
    document = window.card_view.back.document
    (name,) = image_names(document)
    assert name.startswith("briefing-resource:")
    assert isinstance(
        document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name)), QImage
    )
    assert "A map of the region" in document.toPlainText()


def test_wide_card_image_is_scaled_to_the_text_width(
    window: MainWindow, make_deck: MakeDeck, tmp_path: Path
) -> None:
    picture = QImage(1600, 400, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    path = tmp_path / "wide.png"
    picture.save(str(path))
    show(window, make_deck, image=Image(path, "wide"), folder=tmp_path)
    document = window.card_view.back.document
    fit_images(document, 500)
    block = document.begin()
    widths = []
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            char_format = it.fragment().charFormat()
            if char_format.isImageFormat():
                widths.append(char_format.toImageFormat().width())
            it += 1
        block = block.next()
    root = document.rootFrame().frameFormat()  # a view 500 wide: its text is narrower
    assert widths == [pytest.approx(500 - root.leftMargin() - root.rightMargin())]


def test_unreadable_card_image_shows_its_alt_text(
    window: MainWindow, make_deck: MakeDeck, tmp_path: Path
) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    show(window, make_deck, image=Image(path, "Chart of shipments"), folder=tmp_path)
    document = window.card_view.back.document
    assert image_names(document) == []
    assert "[image not shown: Chart of shipments]" in document.toPlainText()
