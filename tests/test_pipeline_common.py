"""StageTimer: wall and CPU seconds per stage (nlp/pipeline/common.py)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from nlp.pipeline.common import StageTimer

pytestmark = pytest.mark.utan_databas


def _burn(seconds: float) -> None:
    # this thread's CPU time: a thread another test left running in this process adds to
    # process_time, and burning by it once took 0.3 CPU s in 0.2 s of wall time
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_stage_timer_keeps_cpu_seconds_apart_from_waiting() -> None:
    seen: list[tuple[str, int, int]] = []
    timer = StageTimer(lambda stage, done, total: seen.append((stage, done, total)))
    timer("inbäddning", 0, 10)
    _burn(0.3)
    timer("teman", 0, 1)
    time.sleep(0.3)  # waiting (on a disk, another user's load) costs wall seconds only
    running = timer.cpu_snapshot()
    assert running["teman"] < 0.2 and timer.snapshot()["teman"] >= 0.3
    timer.stop()
    assert seen == [("inbäddning", 0, 10), ("teman", 0, 1)]
    assert set(timer.seconds) == set(timer.cpu_seconds) == {"inbaddning", "teman"}
    assert timer.cpu_seconds["inbaddning"] >= 0.3 and timer.seconds["inbaddning"] >= 0.3
    assert timer.cpu_seconds["teman"] < 0.2 <= 0.3 <= timer.seconds["teman"]


def test_a_stage_reported_again_adds_to_its_seconds() -> None:
    timer = StageTimer()
    timer("inläsning", 0, 1)  # the import's reading counts under pseudonymisering
    _burn(0.1)
    timer("inbäddning", 0, 1)
    timer("pseudonymisering", 0, 1)
    _burn(0.1)
    timer.stop()
    assert timer.cpu_seconds["pseudonymisering"] >= 0.2
    assert timer.current is None and timer.snapshot() == timer.seconds


def test_a_child_process_cpu_counts_in_its_stage() -> None:
    """The pseudonymisation's helper processes work for the stage: their seconds are its."""
    timer = StageTimer()
    timer("pseudonymisering", 0, 1)
    burn = "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass"
    subprocess.run([sys.executable, "-c", burn], check=True)
    timer("inbäddning", 0, 1)
    timer.stop()
    assert timer.cpu_seconds["pseudonymisering"] >= 0.4
    assert timer.cpu_seconds["inbaddning"] < 0.2
