"""Where an analysis's data-parallel stages run: in this process, or on a Dask cluster.

One setting, BRUKARROST_KLUSTER: empty = every partition in this process, one after the
other (today's behaviour, nothing more to install); "local" = a Dask LocalCluster with one
worker process per core of this machine; an address ("tcp://host:8786") = the Dask
scheduler there. The stages are the same functions either way (nlp/pipeline/partitions.py):
`map_partitions` only decides where each partition's call runs.

Why Dask distributed and not Ray: our partitions are coarse (thousands of answers each) and
send back only small results, so Ray's faster scheduling of small tasks buys nothing here,
while Dask is plain Python packages from PyPI with no object store or extra service
processes to run on a 2-core machine. Ray was not measured.

At least once: a partition whose worker dies is run again on another (Dask reschedules the
tasks of a lost worker, and retries a failed one RETRIES times); the stage functions are
idempotent (a partition's vector file is written whole or not at all, and reused when present).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from nlp.config import get_settings
from nlp.errors import ConfigError

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")
LOCAL = "local"
RETRIES = 2  # a partition that raises is tried this many more times (a lost worker does not count)
CONNECT_SECONDS = 30

_clients: dict[str, Any] = {}
_lock = threading.Lock()


def kluster_setting() -> str:
    return get_settings().kluster.strip()


def get_client(setting: str | None = None) -> Any:
    """The Dask client for the setting (None when empty), made once per process.

    "local" starts a LocalCluster of one single-threaded worker process per core: the
    models are not thread-safe to share and one BLAS thread per process uses the cores best.
    """
    setting = kluster_setting() if setting is None else setting.strip()
    if not setting:
        return None
    with _lock:
        client = _clients.get(setting)
        if client is not None and client.status not in ("closing", "closed"):
            return client
        try:
            # Heavy (tornado, psutil, …): imported only when a cluster is asked for.
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError(
                "BRUKARROST_KLUSTER är satt men Dask saknas. Installera det med pip install 'brukarrost[kluster]'."
            ) from None
        try:
            if setting == LOCAL:
                cluster = LocalCluster(
                    n_workers=os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                client = Client(cluster)
            else:
                client = Client(setting, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(
                f"Kunde inte ansluta till klustret {setting!r} (BRUKARROST_KLUSTER): {type(exc).__name__}."
            ) from None
        _clients[setting] = client
        return client


def close_clients() -> None:
    """Close every client (and a local cluster this process started)."""
    with _lock:
        for client in _clients.values():
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
        _clients.clear()


def map_partitions(
    fn: Callable[..., R],
    parts: Sequence[T],
    *,
    progress: Callable[[int, int], None] | None = None,
    **kwargs: Any,
) -> list[R]:
    """[fn(part, **kwargs) for part in parts], on the cluster when one is set.

    Results come back in the order of `parts`; `progress(done, total)` counts finished
    partitions. On the cluster each result is fetched as soon as its partition is done, so
    the workers never hold more than the results not yet collected.
    """
    total = len(parts)
    client = get_client()
    out: list[Any] = [None] * total
    if client is None:
        for i, part in enumerate(parts):
            out[i] = fn(part, **kwargs)
            if progress:
                progress(i + 1, total)
        return out
    from distributed import as_completed

    # pure=False: a rerun of the same stage is a new task (the worker may hold stale state).
    futures = client.map(fn, list(parts), retries=RETRIES, pure=False, **kwargs)
    index = {f.key: i for i, f in enumerate(futures)}
    try:
        for done, (future, result) in enumerate(as_completed(futures, with_results=True), 1):
            out[index[future.key]] = result
            future.release()
            if progress:
                progress(done, total)
    finally:
        client.cancel(futures)
    return out
