"""The machine a benchmark ran on, printed above its figures: shared by the benches so that
their headers say the same things the same way."""

from __future__ import annotations

import datetime as dt
import os
import platform
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path


def _first_field(path: str, prefix: str) -> str | None:
    """The value after the first `prefix` line of a /proc file, if the file and line exist."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def describe(packages: Iterable[str]) -> list[str]:
    """Date, cores, CPU, memory, OS, Python and the versions of `packages`, and the load
    average at start (other processes slow wall-clock figures)."""
    memory = _first_field("/proc/meminfo", "MemTotal")
    memory = f"{int(memory.split()[0]) / 1024 / 1024:.0f} GiB" if memory else "?"
    versions = []
    for name in packages:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} ?")
    return [
        f"date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"machine: nproc {len(os.sched_getaffinity(0))} "
        f"({_first_field('/proc/cpuinfo', 'model name') or '?'}), memory {memory}, "
        f"{platform.system()} {platform.release()}",
        f"python: {platform.python_version()} ({platform.python_implementation()}); "
        + ", ".join(versions),
        "load average at start: " + " ".join(f"{x:.2f}" for x in os.getloadavg())
        + " (other processes on the machine slow the wall-clock figures)",
    ]
