"""A text document that shows only what the app put into it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QImage, QTextDocument

# Resources the app adds itself live under this scheme; nothing else resolves.
_SCHEME = "briefing-resource"


class SafeDocument(QTextDocument):
    """A ``QTextDocument`` for untrusted deck text.

    Qt would resolve a Markdown image such as ``![x](/etc/passwd)`` or ``http://...`` by
    reading the file (or asking the parent ``QTextBrowser`` to). Here every lookup that is
    not a resource added with :meth:`add_image` comes back empty.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images = 0

    def add_image(self, image: QImage) -> QUrl:
        """Make ``image`` available to the document under a private URL, and return it."""
        self._images += 1
        url = QUrl(f"{_SCHEME}:image/{self._images}")
        self.addResource(QTextDocument.ResourceType.ImageResource, url, image)
        return url

    def loadResource(self, type: int, name: QUrl | str) -> object:
        return None


def is_own_resource(name: str) -> bool:
    return QUrl(name).scheme() == _SCHEME
