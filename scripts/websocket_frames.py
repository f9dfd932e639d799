"""What a benchmark's page receives over Streamlit's websocket: bytes, and the script runs
that finished (Streamlit's `script_finished` message: the rerun has been sent whole).

Shared by `bench_dashboard.py` and `bench_browser.py` (Playwright's `websocket` event).
"""

from __future__ import annotations

import time


class Frames:
    """Bytes received over the page's websockets; how many script runs have finished, and
    when the last one did (`finished`: perf_counter s; `finished_epoch`: epoch s, to compare
    with the page's own clock)."""

    def __init__(self) -> None:
        self.bytes, self.runs = 0, 0
        self.finished, self.finished_epoch = 0.0, 0.0
        self.first_finished = 0.0  # perf_counter s of the first run finished
        #: per run finished: (bytes received since the previous one finished, whether it was a
        #: fragment's run, what `hook` returned then: e.g. the server's CPU seconds so far)
        self.per_run: list[tuple[int, bool, object]] = []
        self.hook = None
        self.counted = 0

    def attach(self, ws) -> None:
        ws.on("framereceived", self.add)

    def add(self, payload: bytes | str) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self.bytes += len(payload)
        if isinstance(payload, bytes) and len(payload) < 1024:  # script_finished is tiny
            msg = ForwardMsg.FromString(payload)
            done = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
            if msg.WhichOneof("type") == "script_finished" and msg.script_finished in done:
                self.runs += 1  # not one stopped early for a rerun
                fragment = msg.script_finished == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
                total = self.bytes
                self.per_run.append(
                    (total - self.counted, fragment, self.hook() if self.hook else None)
                )
                self.counted = total
                if not self.first_finished:
                    self.first_finished = time.perf_counter()
                self.finished, self.finished_epoch = time.perf_counter(), time.time()

    def wait_finished(self, page, since: float, timeout_s: float) -> float:
        """Seconds from `since` (perf_counter) to the end of the first run finished after it."""
        deadline = time.perf_counter() + timeout_s
        while self.finished < since and time.perf_counter() < deadline:
            page.wait_for_timeout(100)
        if self.finished < since:
            raise RuntimeError(f"the app did not finish a run within {timeout_s:.0f} s")
        return self.finished - since

    def wait_run(self, page, runs: int, timeout_s: float) -> None:
        """Wait until `runs` script runs in all have finished."""
        deadline = time.perf_counter() + timeout_s
        while self.runs < runs and time.perf_counter() < deadline:
            page.wait_for_timeout(50)
        if self.runs < runs:
            raise RuntimeError(f"no script run finished within {timeout_s:.0f} s")
