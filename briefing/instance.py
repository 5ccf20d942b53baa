"""One window per session: a second ``briefing`` hands its deck to the running one.

The running app listens on a Unix socket in a folder only its user can enter. A new start
first offers its deck there and exits once the running app has taken it; when nobody
answers, it claims the socket itself (removing one left by a crashed instance) and opens
its own window. The socket is bound here, before Qt is imported, so a second start never
misses the first one; Qt serves it once the first card is on screen (gui/instance_server).

A request is three NUL-terminated fields: ``briefing/1``, the deck's absolute path (as
bytes; empty: just raise the window) and the launcher's activation token (may be empty).
The reply is ``ok``. Nothing here raises: when anything fails, the app opens a window of
its own, as it did before there was a running one to find.
"""

from __future__ import annotations

# The socket module's C core: `socket` itself builds enums and imports `selectors`, a few
# milliseconds of every start for nothing this needs.
import _socket as socket
import contextlib
import errno
import os
import stat

from briefing import APP_ID

PROTOCOL = b"briefing/1"
REPLY = b"ok\n"
MAX_REQUEST_BYTES = 64 * 1024
MAX_TOKEN_CHARS = 512
# How long a new start waits for the running app: it answers once its first card is painted,
# and if it is too busy to answer by then, the new start opens a window of its own.
HANDOFF_TIMEOUT_S = 5.0
_MAX_SOCKET_PATH = 100  # bytes; sun_path holds 108 on Linux, 104 on the BSDs


def socket_path() -> str | None:
    """This session's socket: in ``$XDG_RUNTIME_DIR``, else in a private folder of the
    temporary folder; one per display, so a second desktop of the same user (or a
    headless test run) keeps its own window. None where there is no safe place for it."""
    if os.name != "posix" or not hasattr(socket, "AF_UNIX"):
        return None
    display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY") or ""
    name = APP_ID + (f"-{_safe_in_name(display)[:40]}" if display else "")
    folder = os.environ.get("XDG_RUNTIME_DIR", "")
    if not (os.path.isabs(folder) and _is_private_folder(folder)):
        folder = os.path.join(os.environ.get("TMPDIR") or "/tmp", f"briefing-{os.getuid()}")
        with contextlib.suppress(OSError):  # there already, or not possible: checked next
            os.mkdir(folder, 0o700)
        if not _is_private_folder(folder):
            return None  # made by someone else, or open to them: never talk through it
    path = os.path.join(folder, f"{name}.sock")
    return path if len(os.fsencode(path)) <= _MAX_SOCKET_PATH else None


def _safe_in_name(text: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "_" for c in text)


def _is_private_folder(folder: str) -> bool:
    """A real folder (not a link) of this user, closed to everyone else."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def encode_request(deck: str | None, token: str = "") -> bytes:
    """The request for ``deck`` (a path, made absolute in this process's folder; None or
    empty: raise the window only)."""
    path = os.fsencode(os.path.abspath(deck)) if deck else b""
    return b"\0".join((PROTOCOL, path, token.encode("utf-8", "replace"), b""))


def decode_request(data: bytes) -> tuple[str | None, str] | None:
    """``(deck or None, token)`` from a whole request; None when it is not one."""
    fields = data.split(b"\0")
    if len(fields) != 4 or fields[0] != PROTOCOL or fields[3]:
        return None
    path, token = fields[1], fields[2].decode("utf-8", "replace")
    if path and not path.startswith(b"/"):
        return None
    if len(token) > MAX_TOKEN_CHARS or not token.isprintable():
        return None
    return (os.fsdecode(path) if path else None), token


def activation_token() -> str:
    """The token the launcher gave this start for raising a window (Wayland), if any."""
    return os.environ.get("XDG_ACTIVATION_TOKEN", "")


def hand_off(deck: str | None) -> bool:
    """Ask the running Briefing of this session to show ``deck`` (None: to come to the
    front); True once it has said it will."""
    path = socket_path()
    if path is None or not os.path.exists(path):  # the usual start: nothing to ask
        return False
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.settimeout(HANDOFF_TIMEOUT_S)
        client.connect(path)
        client.sendall(encode_request(deck, activation_token()))
        client.shutdown(socket.SHUT_WR)
        reply = b""
        while len(reply) < len(REPLY):
            chunk = client.recv(len(REPLY) - len(reply))
            if not chunk:
                break
            reply += chunk
        return reply == REPLY
    except OSError:  # left by a crashed instance, or it is hung: open a window here
        return False
    finally:
        client.close()


class Listener:
    """This session's socket, bound and listening; connections wait in its backlog until
    Qt takes it over with ``detach``."""

    def __init__(self, path: str, sock: socket.socket) -> None:
        self.path = path
        self._socket: socket.socket | None = sock
        info = os.lstat(path)
        self._identity = (info.st_dev, info.st_ino)

    def detach(self) -> int:
        """The socket's descriptor, now owned by the caller."""
        assert self._socket is not None, "detached already"
        fd = self._socket.detach()
        self._socket = None
        return fd

    def remove(self) -> None:
        """Remove the socket file, if it is still this one (not a later instance's)."""
        try:
            info = os.lstat(self.path)
            if (info.st_dev, info.st_ino) == self._identity:
                os.unlink(self.path)
        except OSError:
            pass
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def listen() -> Listener | None:
    """Claim this session's socket, removing a stale one left by a crashed instance; None
    when another instance holds it or it cannot be made."""
    path = socket_path()
    if path is None:
        return None
    for _attempt in range(2):
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(path)
            os.chmod(path, 0o600)
            server.listen(16)
            return Listener(path, server)
        except OSError as error:
            server.close()
            if error.errno != errno.EADDRINUSE or not _remove_if_stale(path):
                return None
    return None


def _remove_if_stale(path: str) -> bool:
    """Remove the socket at ``path`` if nobody listens on it; True if removed."""
    try:
        info = os.lstat(path)
        if not stat.S_ISSOCK(info.st_mode) or info.st_uid != os.getuid():
            return False
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.settimeout(1.0)
            probe.connect(path)
            return False  # someone is there: it is theirs
        except ConnectionRefusedError:
            os.unlink(path)
            return True
        finally:
            probe.close()
    except OSError:
        return False
