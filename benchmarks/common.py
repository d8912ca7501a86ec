"""What every benchmark reports alongside its figures."""

from __future__ import annotations

import os
import platform

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
