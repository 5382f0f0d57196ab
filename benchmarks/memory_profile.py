"""Peak resident memory per stage of one analysis, sampled while it runs (a benchmark helper).

`cold_analysis.py --profil-minne` starts a `StageMemory` in the analysing child: a thread reads
the process's resident set size (RSS) every few milliseconds, the stage the pipeline last
reported (nlp.pipeline.common.StageTimer) and, at each stage's highest sample, where the main
thread was (its innermost frames in the project, or in a library called from there). The
figures are the process's own (/proc/self/status VmHWM for the whole run): a child's ru_maxrss
starts from its parent's peak (the parent's memory map counts until exec), so it cannot say
how much a child used.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mb() -> float:
    """This process's highest resident set size so far (MB), from the kernel's own count for
    this memory map (VmHWM): since exec only, unlike ru_maxrss."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * _PAGE / 2**20


_PAGE = __import__("os").sysconf("SC_PAGE_SIZE")
_NOT_OURS = ("/benchmarks/", "site-packages", "/.venv/")


@dataclass
class _Stage:
    start_mb: float
    peak_mb: float = 0.0
    end_mb: float = 0.0
    where: str = ""
    seconds: float = 0.0


@dataclass
class StageMemory:
    """Sample RSS per pipeline stage while the analysis runs in this process."""

    interval_s: float = 0.02
    stages: dict[str, _Stage] = field(default_factory=dict)
    timeline: bool = False  # also list every rise or fall of ≥ 25 MB, with where it happened
    _current: str = "uppstart"
    _steps: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        from nlp.pipeline import common

        self._main = threading.main_thread().ident
        self.stages[self._current] = _Stage(_rss_mb())
        self._t0 = self._began = time.perf_counter()
        original = common.StageTimer.__call__
        profile = self

        def reporting(timer: common.StageTimer, stage: str, done: int, total: int) -> None:
            profile._enter(common.TIME_KEYS.get(stage, stage))
            original(timer, stage, done, total)

        common.StageTimer.__call__ = reporting  # type: ignore[method-assign]
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _enter(self, key: str) -> None:
        if key == self._current:
            return
        now = _rss_mb()
        old = self.stages[self._current]
        old.end_mb = now
        old.seconds += time.perf_counter() - self._t0
        self._t0 = time.perf_counter()
        self._current = key
        self.stages.setdefault(key, _Stage(now))

    def _where(self) -> str:
        frame = sys._current_frames().get(self._main)
        if frame is None:
            return ""
        stack = traceback.extract_stack(frame)
        ours = [f for f in stack if f.filename.startswith(str(ROOT)) and not any(s in f.filename for s in _NOT_OURS)]
        lines = [f"{Path(f.filename).relative_to(ROOT)}:{f.lineno} {f.name}" for f in ours[-3:]]
        last = stack[-1]
        if ours and last is not ours[-1]:
            lines.append(f"… {Path(last.filename).name}:{last.lineno} {last.name}")
        return " ← ".join(reversed(lines))

    def _sample(self) -> None:
        last = 0.0
        while not self._stop.wait(self.interval_s):
            rss = _rss_mb()
            stage = self.stages[self._current]
            if self.timeline and abs(rss - last) >= 25:
                last = rss
                self._steps.append(
                    f"  {time.perf_counter() - self._began:7.1f} s {rss:6.0f} MB {self._current}: {self._where()}"
                )
            if rss > stage.peak_mb:
                stage.peak_mb = rss
                stage.where = self._where()

    def stop(self) -> str:
        """End sampling; the per-stage table as text."""
        self._stop.set()
        self._thread.join()
        self._enter("slut")
        rows = [f"MINNE (MB, egen process): topp {peak_rss_mb():.0f}"]
        for key, st in self.stages.items():
            if key == "slut":
                continue
            rows.append(
                f"  {key:<18} start {st.start_mb:6.0f}  topp {max(st.peak_mb, st.start_mb):6.0f}  "
                f"slut {st.end_mb:6.0f}  ({st.seconds:.1f} s)  vid toppen: {st.where}"
            )
        return "\n".join(rows + (["MINNE tidslinje:", *self._steps] if self.timeline else []))
