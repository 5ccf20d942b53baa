"""``briefing --install-desktop``: Briefing in the desktop's menu and "Open with".

Writes three files into the user's data folder (``$XDG_DATA_HOME``, else
``~/.local/share``): the desktop entry, the icon and the deck file type, then asks the
desktop's caches to look again. ``--uninstall-desktop`` removes those three files and
nothing else. A file at one of those places that Briefing did not write (it lacks
``MARKER``, or is a link) is left alone, whichever the command.

The file type: a single-file deck named ``*.deck.yaml`` (or ``.deck.yml``), and a folder
deck's ``deck.yaml``, are Briefing decks; other YAML files stay the editor's. Folders
have no file type of their own, so a folder deck opens through its ``deck.yaml``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from briefing import APP_ID
from briefing.core.files import describe_os_error, open_regular
from briefing.paths import resource_path

MIME_TYPE = "application/x-briefing-deck+yaml"
MARKER = "Briefing desktop integration"  # in every file written: what uninstall may remove
_MAX_OURS_BYTES = 1_000_000
_TOOL_TIMEOUT_S = 60


def data_home() -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share`` (a relative value is ignored, as the
    specification asks)."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    return Path(configured) if os.path.isabs(configured) else Path.home() / ".local" / "share"


def entry_path(home: Path) -> Path:
    return home / "applications" / f"{APP_ID}.desktop"


def icon_path(home: Path) -> Path:
    return home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def mime_path(home: Path) -> Path:
    return home / "mime" / "packages" / f"{APP_ID}.xml"


def exec_command() -> list[str]:
    """How the menu starts this Briefing: its console script beside this interpreter, else
    this interpreter running the package (-P: never a ``briefing`` folder in the user's
    home instead)."""
    interpreter = Path(sys.executable)  # not resolved: a virtual environment's own python
    script = interpreter.parent / APP_ID
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [str(interpreter), "-P", "-m", "briefing"]


def exec_quoted(argument: str) -> str:
    """One argument of an ``Exec`` line: quoted as the desktop entry specification asks,
    then escaped as any string value is."""
    if any(ord(c) < 0x20 or c == "\x7f" for c in argument):
        raise ValueError(f"{argument!r} holds a control character; a desktop entry cannot")
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return ('"' + quoted + '"').replace("%", "%%").replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(exec_quoted(argument) for argument in command) + " %f"
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.4\n"
        "Name=Briefing\n"
        "GenericName=Deck Viewer\n"
        "Comment=Read, print and present briefing decks of flip cards\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "Categories=Office;Viewer;\n"
        "Keywords=briefing;deck;cards;flip cards;presentation;YAML;\n"
        f"MimeType={MIME_TYPE};\n"
        "StartupNotify=true\n"
        f"StartupWMClass={APP_ID}\n"
        f"X-Briefing-Written-By={MARKER}\n"
    )


def mime_package() -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- {MARKER}: written by Briefing with its desktop files, removed with them. -->
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>Briefing deck</comment>
    <sub-class-of type="application/yaml"/>
    <icon name="{APP_ID}"/>
    <generic-icon name="text-x-generic"/>
    <glob pattern="*.deck.yaml" weight="60"/>
    <glob pattern="*.deck.yml" weight="60"/>
    <glob pattern="deck.yaml" weight="60" case-sensitive="true"/>
  </mime-type>
</mime-info>
"""


def install() -> int:
    """Write the entry, icon and file type; 0 when done, 1 when something was not written."""
    home = data_home()
    try:
        entry = desktop_entry(exec_command())
        icon = resource_path("briefing.svg").read_text(encoding="utf-8")
        if not _is_utf8(entry):
            raise ValueError("the path of the Briefing command is not UTF-8")
    except (OSError, ValueError) as error:
        print(f"briefing: cannot write a desktop entry: {_message(error)}", file=sys.stderr)
        return 1
    texts = {entry_path(home): entry, icon_path(home): icon, mime_path(home): mime_package()}
    status = _each_of_ours(
        list(texts), lambda path: _write_atomically(path, texts[path]), "wrote", "written"
    )
    _refresh_caches(home)
    return status


def uninstall() -> int:
    """Remove what ``install`` wrote; 0 when none of it is left, 1 otherwise."""
    home = data_home()
    there = [p for p in (entry_path(home), icon_path(home), mime_path(home)) if os.path.lexists(p)]
    status = _each_of_ours(there, Path.unlink, "removed", "removed")
    _refresh_caches(home)
    return status


def _each_of_ours(paths: list[Path], act: Callable[[Path], object], did: str, done: str) -> int:
    """``act`` on each path that holds Briefing's own file (or nothing), saying so; 0 when
    every one was done, 1 when one was not (and why, on stderr)."""
    status = 0
    for path in paths:
        problem = _not_ours(path)
        if problem is None:
            try:
                act(path)
                print(f"{did} {path}")
                continue
            except OSError as error:
                problem = describe_os_error(error)
        print(f"briefing: {path}: {problem}; not {done}", file=sys.stderr)
        status = 1
    return status


def _not_ours(path: Path) -> str | None:
    """Why the file at ``path`` is not Briefing's to replace or remove; None when it is
    (or there is none)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        return describe_os_error(error)
    if not stat.S_ISREG(info.st_mode):
        return "not a file Briefing wrote (a link, a folder or a device)"
    if info.st_size > _MAX_OURS_BYTES:
        return "not a file Briefing wrote"
    try:
        with open_regular(path) as file:
            content = file.read(_MAX_OURS_BYTES)
    except OSError as error:
        return describe_os_error(error)
    return None if MARKER.encode() in content else "not a file Briefing wrote"


def _write_atomically(path: Path, text: str) -> None:
    """Write a new file beside ``path`` and rename it over ``path``: a reader sees the old
    file or the new one, and a link at ``path`` is replaced, never written through."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temporary, flags, 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _refresh_caches(home: Path) -> None:
    """Let the menu and the file manager see the change now; fine when the tools are absent
    (the desktop then rereads the folders itself)."""
    for tool, folder in (
        ("update-desktop-database", home / "applications"),
        ("update-mime-database", home / "mime"),
    ):
        program = shutil.which(tool)
        if program is None or not folder.is_dir():
            continue
        with contextlib.suppress(OSError, subprocess.SubprocessError):  # only a cache
            subprocess.run(
                [program, str(folder)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=_TOOL_TIMEOUT_S,
                check=False,
            )


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a file name's undecodable bytes (surrogate escapes)
        return False
    return True


def _message(error: BaseException) -> str:
    return describe_os_error(error) if isinstance(error, OSError) else str(error)
