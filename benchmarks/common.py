"""What every benchmark reports alongside its figures, and where it works."""

from __future__ import annotations

import json
import os
import platform
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np


def percentiles(ms: list[float]) -> dict:
    """p50 and p95 in milliseconds (numpy's linear interpolation)."""
    a = np.asarray(ms, dtype=float)
    return {"p50_ms": round(float(np.percentile(a, 50)), 2), "p95_ms": round(float(np.percentile(a, 95)), 2)}


def machine() -> dict:
    """CPU, cores, Python and OS, and the load when asked (the machine may be shared)."""
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu or platform.processor(), "cores": os.cpu_count(), "python": platform.python_version(),
            "os": platform.platform(), "load_average": round(os.getloadavg()[0], 2)}


@contextmanager
def work_folder(given: Path | None, prefix: str) -> Iterator[Path]:
    """The folder the user gave (kept, to look at afterwards), or a temporary one removed afterwards."""
    if given is not None:
        yield given
        return
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def report(figures: dict, markdown: str, out: Path | None) -> None:
    """Print the figures' table; with ``--out``, also write them as JSON."""
    print(markdown)
    if out:
        out.write_text(json.dumps(figures, indent=2), "utf-8")
