"""`briefing --install-desktop` puts Briefing in the desktop's menu and "Open with", with
its icon and the deck file type; `--uninstall-desktop` takes back exactly that."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import desktop
from briefing.cli import main

DESKTOP_FILE_VALIDATE = shutil.which("desktop-file-validate")
UPDATE_MIME_DATABASE = shutil.which("update-mime-database")


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def written(home: Path) -> list[Path]:
    return [desktop.entry_path(home), desktop.icon_path(home), desktop.mime_path(home)]


def entry_values(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:])


def exec_arguments(exec_line: str) -> list[str]:
    """The command an Exec value runs, read back by the specification's rules: string
    escapes first, then arguments split at spaces, double quotes grouping, and a
    backslash in quotes taking the next character as it is."""
    unescaped = exec_line.replace("\\\\", "\\")
    arguments: list[str] = []
    current, quoted, escaped, started = "", False, False, False
    for char in unescaped:
        if escaped:
            current, escaped = current + char, False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started:
                arguments.append(current)
            current, started = "", False
        else:
            current, started = current + char, True
    assert not quoted and not escaped, exec_line
    if started:
        arguments.append(current)
    return [argument.replace("%%", "%") for argument in arguments]


def test_install_writes_entry_icon_and_file_type_into_the_data_folder(data_home: Path) -> None:
    assert main(["--install-desktop"]) == 0
    entry, icon, mime = written(data_home)
    values = entry_values(entry)
    assert values["Icon"] == "briefing" and icon.read_bytes().startswith(b"<svg")
    assert values["StartupWMClass"] == "briefing"
    assert values["MimeType"] == f"{desktop.MIME_TYPE};"
    assert desktop.MIME_TYPE in mime.read_text(encoding="utf-8")
    assert "*.deck.yaml" in mime.read_text(encoding="utf-8")


def test_the_entry_starts_this_briefing(data_home: Path) -> None:
    assert main(["--install-desktop"]) == 0
    command = exec_arguments(entry_values(desktop.entry_path(data_home))["Exec"])
    assert command[-1] == "%f"  # the deck the user opened
    program = command[:-1]
    version = subprocess.run([*program, "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.startswith("briefing ")
    assert Path(program[0]).parent == Path(sys.executable).parent  # this environment's


@pytest.mark.skipif(DESKTOP_FILE_VALIDATE is None, reason="desktop-file-utils not installed")
@pytest.mark.parametrize("folder", ["plain", 'odd "$dir` 100% \\ name'])
def test_the_entry_passes_desktop_file_validate(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    python = tmp_path / folder / "bin" / "python3"
    monkeypatch.setattr(sys, "executable", str(python))
    assert main(["--install-desktop"]) == 0
    entry = desktop.entry_path(data_home)
    check = subprocess.run(
        [str(DESKTOP_FILE_VALIDATE), str(entry)], capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout == ""  # no warnings either
    command = exec_arguments(entry_values(entry)["Exec"])
    assert command == [str(python), "-P", "-m", "briefing", "%f"]


@pytest.mark.skipif(UPDATE_MIME_DATABASE is None, reason="shared-mime-info not installed")
def test_deck_files_get_the_deck_type_and_other_yaml_does_not(data_home: Path) -> None:
    assert main(["--install-desktop"]) == 0
    globs = (data_home / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    ours = {line.split(":")[2] for line in globs if desktop.MIME_TYPE in line}
    assert ours == {"*.deck.yaml", "*.deck.yml", "deck.yaml"}  # never all of *.yaml
    assert main(["--uninstall-desktop"]) == 0
    assert desktop.MIME_TYPE not in (data_home / "mime" / "globs2").read_text(encoding="utf-8")


def test_install_without_the_desktop_tools_still_works(
    data_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert main(["--install-desktop"]) == 0
    assert all(path.is_file() for path in written(data_home))
    assert main(["--uninstall-desktop"]) == 0


def test_uninstall_removes_exactly_what_install_wrote(
    data_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no caches rebuilt in between
    applications = data_home / "applications"
    applications.mkdir(parents=True)
    other = applications / "editor.desktop"
    other.write_text("[Desktop Entry]\nName=Editor\n", encoding="utf-8")
    assert main(["--install-desktop"]) == 0
    before = {path for path in data_home.rglob("*") if path.is_file()}
    assert main(["--uninstall-desktop"]) == 0
    after = {path for path in data_home.rglob("*") if path.is_file()}
    assert before - after == set(written(data_home))
    assert other.read_text(encoding="utf-8") == "[Desktop Entry]\nName=Editor\n"
    assert main(["--uninstall-desktop"]) == 0  # nothing left to remove is fine


def test_install_again_replaces_its_own_files(data_home: Path) -> None:
    assert main(["--install-desktop"]) == 0
    entry = desktop.entry_path(data_home)
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("Name=Briefing", "Name=Old"), "utf-8"
    )
    assert main(["--install-desktop"]) == 0
    assert entry_values(entry)["Name"] == "Briefing"


def test_a_file_briefing_did_not_write_is_neither_replaced_nor_removed(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = desktop.entry_path(data_home)
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nName=Someone else's briefing\n", encoding="utf-8")
    assert main(["--install-desktop"]) == 1
    assert main(["--uninstall-desktop"]) == 1
    assert "Someone else" in entry.read_text(encoding="utf-8")
    assert str(entry) in capsys.readouterr().err
    assert not desktop.icon_path(data_home).exists()  # the rest was installed, then removed


def test_files_are_never_written_or_removed_through_a_link(data_home: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text(f"keep me ({desktop.MARKER})", encoding="utf-8")
    icon = desktop.icon_path(data_home)
    icon.parent.mkdir(parents=True)
    icon.symlink_to(precious)
    assert main(["--install-desktop"]) == 1
    assert main(["--uninstall-desktop"]) == 1
    assert icon.is_symlink()
    assert precious.read_text(encoding="utf-8") == f"keep me ({desktop.MARKER})"


def test_nothing_half_written_is_left_beside_the_files(data_home: Path) -> None:
    assert main(["--install-desktop"]) == 0
    names = {path.name for path in data_home.rglob("*") if path.is_file()}
    assert not [name for name in names if name.endswith(".tmp")]


def test_relative_xdg_data_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop.data_home() == tmp_path / ".local" / "share"


def test_the_icon_ships_with_a_non_editable_install() -> None:
    """`pip install .` copies resources/ by [tool.setuptools.package-data]."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["briefing.resources"]
    from fnmatch import fnmatch

    assert any(fnmatch("briefing.svg", pattern) for pattern in patterns)
    assert (root / "resources" / "briefing.svg").is_file()


def test_every_package_ships_with_a_non_editable_install() -> None:
    """[tool.setuptools] packages is a list: a package missing from it installs without
    its modules under `pip install .`, though an editable install still finds them."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(project["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(root).parts)
        for init in (root / "briefing").rglob("__init__.py")
    }
    assert found - listed == set()


def test_the_mime_package_and_icon_are_well_formed_xml() -> None:
    from xml.dom import minidom

    from briefing.paths import resource_path

    minidom.parseString(desktop.mime_package())
    minidom.parse(os.fspath(resource_path("briefing.svg")))
