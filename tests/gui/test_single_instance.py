"""One window per session: a second `briefing DECK` shows DECK in the running window and
exits at once; `--new-window` opens another; a crashed instance never stops a start; a
client that sends garbage, too much or nothing never holds up the running window."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from briefing import cli, instance
from briefing.gui import app as gui_app
from briefing.gui.instance_server import InstanceServer
from briefing.gui.window.main_window import MainWindow

# A client's whole run: a Python start and a short exchange; far below the 5 s it would wait
# for a running app that does not answer.
CLIENT_SECONDS = 4.0


@pytest.fixture
def runtime(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own session: a private runtime folder, no display."""
    folder = tmp_path_factory.mktemp("run")
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return folder


@pytest.fixture
def server(runtime: Path, qapp: QApplication) -> Iterator[InstanceServer]:
    """The running app's end, serving this session's socket."""
    listener = instance.listen()
    assert listener is not None
    served = InstanceServer(listener)
    assert served.is_listening()
    yield served
    served.close()
    served.deleteLater()


def start_client(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    """`briefing ARGS` as a user types it, in another process."""
    code = "import sys; from briefing.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(qtbot: Any, client: subprocess.Popen[str]) -> tuple[int, str]:
    """Serve the client until it exits; its status and what it printed on stderr."""
    try:
        qtbot.waitUntil(lambda: client.poll() is not None, timeout=int(CLIENT_SECONDS * 1000))
    finally:
        if client.poll() is None:  # it opened a window of its own: end it with the test
            client.kill()
    _out, err = client.communicate()
    return client.returncode, err


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_a_second_start_shows_its_deck_in_the_running_window_and_exits_at_once(
    qtbot: Any,
    server: InstanceServer,
    window: MainWindow,
    deck_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raised: list[str] = []
    monkeypatch.setattr(window, "raise_", lambda: raised.append("raise"))
    monkeypatch.setattr(window, "activateWindow", lambda: raised.append("activate"))
    window.showMinimized()
    server.deck_requested.connect(
        lambda deck, token: gui_app.show_requested_deck(window, deck, token)
    )
    started = time.monotonic()
    with qtbot.waitSignal(window.deck_changed, timeout=int(CLIENT_SECONDS * 1000)):
        client = start_client(str(deck_folder))
        status, err = finish(qtbot, client)
    assert (status, err) == (0, "")
    assert time.monotonic() - started < CLIENT_SECONDS
    assert window.deck is not None and window.deck.title == "Good deck"
    assert not window.isMinimized()  # brought back to the front
    assert sorted(raised) == ["activate", "raise"]


def test_the_launchers_activation_token_lets_the_running_window_come_forward(
    qtbot: Any, server: InstanceServer, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Wayland a window comes to the front only with the token its launcher gave the
    start that asked for it."""
    seen: list[str | None] = []
    monkeypatch.setattr(window, "raise_", lambda: None)
    monkeypatch.setattr(
        window, "activateWindow", lambda: seen.append(os.environ.get("XDG_ACTIVATION_TOKEN"))
    )
    server.deck_requested.connect(
        lambda deck, token: gui_app.show_requested_deck(window, deck, token)
    )
    monkeypatch.delenv("XDG_ACTIVATION_TOKEN", raising=False)
    launched = {**os.environ, "XDG_ACTIVATION_TOKEN": "launcher-token-1"}
    with qtbot.waitSignal(server.deck_requested):
        client = start_client(env=launched)
    assert finish(qtbot, client)[0] == 0
    assert seen == ["launcher-token-1"]
    assert "XDG_ACTIVATION_TOKEN" not in os.environ  # used once


def test_a_relative_path_is_the_one_in_the_folder_the_second_start_ran_in(
    qtbot: Any, server: InstanceServer, deck_folder: Path
) -> None:
    with qtbot.waitSignal(server.deck_requested) as requested:
        client = start_client("good-deck", cwd=deck_folder.parent)
    assert finish(qtbot, client)[0] == 0
    assert requested.args[0] == str(deck_folder)


def test_plain_briefing_while_running_only_brings_the_window_forward(
    qtbot: Any, server: InstanceServer
) -> None:
    with qtbot.waitSignal(server.deck_requested) as requested:
        client = start_client()
    assert finish(qtbot, client)[0] == 0
    assert requested.args[0] is None


def test_a_deck_that_does_not_exist_is_named_on_the_terminal_too(
    qtbot: Any, server: InstanceServer, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-deck.yaml"
    with qtbot.waitSignal(server.deck_requested) as requested:
        client = start_client(str(missing))
    status, err = finish(qtbot, client)
    assert status == 0
    assert str(missing) in err and "no such file" in err
    assert requested.args[0] == str(missing)  # the window shows its error panel for it


def test_new_window_opens_another_window_even_while_briefing_runs(
    server: InstanceServer, monkeypatch: pytest.MonkeyPatch, deck_folder: Path
) -> None:
    asked: list[str | None] = []
    monkeypatch.setattr(instance, "hand_off", lambda deck: asked.append(deck) or True)
    started: list[tuple[str | None, object]] = []
    monkeypatch.setattr(gui_app, "run", lambda path, listener: started.append((path, listener)))
    cli.main(["--new-window", str(deck_folder)])
    assert asked == []  # the running window is not asked
    assert started == [(str(deck_folder), None)]  # its own window; the socket stays the first's
    cli.main([str(deck_folder)])
    assert asked == [str(deck_folder)]  # without it, the running window is


def talk(path: Path, request: bytes) -> socket.socket:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(str(path))
    client.sendall(request)
    client.setblocking(False)
    return client


def answer(client: socket.socket) -> bytes | None:
    """What the server has sent and then closed the connection on; None while it is open."""
    try:
        data = client.recv(64)
    except BlockingIOError:
        return None
    return data


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET / HTTP/1.1\r\n\r\n\0\0\0",
        b"briefing/1\0relative/path\0\0",
        b"briefing/1\0/a\0\x07bell\0",
        b"briefing/1\0/a\0\0extra\0",
        b"x" * (instance.MAX_REQUEST_BYTES + 10),
    ],
    ids=["not-ours", "relative-path", "odd-token", "extra-field", "too-long"],
)
def test_a_client_sending_garbage_is_dropped_and_nothing_opens(
    qtbot: Any,
    server: InstanceServer,
    runtime: Path,
    request_bytes: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(InstanceServer, "request_timeout_ms", 60_000)  # dropped for what it is
    requests: list[object] = []
    server.deck_requested.connect(lambda deck, token: requests.append(deck))
    client = talk(runtime / "briefing.sock", request_bytes)
    replies: list[bytes] = []
    qtbot.waitUntil(lambda: (reply := answer(client)) is not None and not replies.append(reply))
    assert replies == [b""] and requests == []
    client.close()


def test_a_client_that_sends_nothing_is_dropped_in_bounded_time_and_others_are_served(
    qtbot: Any, server: InstanceServer, runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(InstanceServer, "request_timeout_ms", 100)
    silent = talk(runtime / "briefing.sock", b"briefing/1\0/half")
    with qtbot.waitSignal(server.deck_requested) as requested:
        served = talk(runtime / "briefing.sock", instance.encode_request("/deck"))
    qtbot.waitUntil(lambda: answer(served) is not None)
    assert requested.args[0] == "/deck"
    qtbot.waitUntil(lambda: answer(silent) == b"", timeout=2000)
    silent.close()
    served.close()


def test_a_socket_left_by_a_crashed_instance_never_stops_a_start(runtime: Path) -> None:
    path = instance.socket_path()
    assert path is not None
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(path)
    crashed.close()  # its file stays, and nobody listens on it
    started = time.monotonic()
    assert not instance.hand_off("/deck")
    listener = instance.listen()
    assert time.monotonic() - started < 1
    assert listener is not None
    listener.remove()
    assert not os.path.lexists(path)


def test_a_running_instance_keeps_its_socket_when_another_starts(
    qtbot: Any, server: InstanceServer
) -> None:
    assert instance.listen() is None  # `--new-window` and a start racing the first one
    with qtbot.waitSignal(server.deck_requested):
        client = talk(Path(instance.socket_path() or ""), instance.encode_request(None))
    qtbot.waitUntil(lambda: answer(client) is not None)
    client.close()


def test_the_socket_is_never_in_a_folder_others_can_enter(
    runtime: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime.chmod(0o755)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    path = instance.socket_path()
    assert path is not None
    folder = Path(path).parent
    assert folder.parent == tmp_path  # a private folder of its own instead
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    folder.chmod(0o777)  # as if someone else had made it first
    assert instance.socket_path() is None
    assert instance.listen() is None and not instance.hand_off("/deck")
    folder.chmod(0o700)


def test_the_socket_itself_is_closed_to_other_users(server: InstanceServer, runtime: Path) -> None:
    info = os.stat(runtime / "briefing.sock")
    assert stat.S_ISSOCK(info.st_mode) and not info.st_mode & 0o077


def test_each_display_has_its_own_window(runtime: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    first = instance.socket_path()
    monkeypatch.setenv("DISPLAY", ":99")
    assert instance.socket_path() != first
