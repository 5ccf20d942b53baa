"""Run every benchmark and print their tables, with the machine they ran on.

Run: python tests/benchmarks/run_all.py [--quick]
--quick uses smaller sizes (a few minutes instead of about twenty).
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

FULL = [
    ("Start-up: first card vs a bare PySide6 window", ["bench_startup.py", "11"]),
    ("Opening decks: load_deck vs PyYAML's C loader", ["bench_open.py"]),
    ("Search: index build and per-keystroke latency", ["bench_search.py"]),
    ("One search from the command line vs validate", ["bench_search_cli.py"]),
    ("Painting a card", ["bench_paint.py"]),
    ("Export: seconds per page and peak memory", ["bench_export.py"]),
]
QUICK = [
    ("Start-up: first card vs a bare PySide6 window", ["bench_startup.py", "5"]),
    ("Opening decks: load_deck vs PyYAML's C loader", ["bench_open.py", "--big", "20000"]),
    ("Search: index build and per-keystroke latency", ["bench_search.py", "1000", "10000"]),
    ("One search from the command line vs validate", ["bench_search_cli.py", "10000", "3"]),
    ("Painting a card", ["bench_paint.py", "50"]),
    ("Export: seconds per page and peak memory", ["bench_export.py", "100", "250"]),
]


def machine() -> str:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if "model name" in line)
    except (OSError, StopIteration):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; Qt {qVersion()}, PySide6 {pyside}"
    )


def main() -> int:
    plan = QUICK if "--quick" in sys.argv else FULL
    print(f"Machine: {machine()}\n")
    status = 0
    for title, command in plan:
        print(f"== {title}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]])
        status = status or done.returncode
        print(flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
