"""The running app's side of one window per session: takes decks from later starts.

Each request is read within a time and size bound: a client that sends garbage, too much
or nothing is dropped, and the window never waits for one (see ``briefing.instance``).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from briefing.instance import MAX_REQUEST_BYTES, REPLY, Listener, decode_request


class InstanceServer(QObject):
    # A later start's deck (an absolute path; None: only come to the front) and its
    # activation token.
    deck_requested = Signal(object, str)

    request_timeout_ms: ClassVar[int] = 2000
    max_clients: ClassVar[int] = 8

    def __init__(self, listener: Listener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener = listener
        self._server = QLocalServer(self)
        self._clients: dict[QLocalSocket, bytearray] = {}
        self._server.newConnection.connect(self._on_new_connection)
        if not self._server.listen(listener.detach()):
            self._server.deleteLater()

    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        """Stop listening and remove the socket, so the next start opens its own window."""
        self._server.close()
        self._listener.remove()

    def _on_new_connection(self) -> None:
        while (client := self._server.nextPendingConnection()) is not None:
            if len(self._clients) >= self.max_clients:
                client.abort()
                client.deleteLater()
                continue
            self._clients[client] = bytearray()
            client.readyRead.connect(lambda c=client: self._on_ready_read(c))
            client.disconnected.connect(lambda c=client: self._drop(c))
            QTimer.singleShot(self.request_timeout_ms, client, lambda c=client: self._drop(c))
            self._on_ready_read(client)  # what came before the app was listening

    def _on_ready_read(self, client: QLocalSocket) -> None:
        received = self._clients.get(client)
        if received is None:
            return
        received += client.read(MAX_REQUEST_BYTES + 1 - len(received)).data()
        if len(received) > MAX_REQUEST_BYTES:
            self._drop(client)
            return
        if received.count(0) < 3:
            return  # the rest is on its way (or the time limit ends it)
        request = decode_request(bytes(received))
        del self._clients[client]
        if request is not None:
            client.write(REPLY)
            client.flush()
        client.disconnectFromServer()
        client.deleteLater()
        if request is not None:
            self.deck_requested.emit(*request)

    def _drop(self, client: QLocalSocket) -> None:
        if self._clients.pop(client, None) is not None:
            client.abort()
            client.deleteLater()
