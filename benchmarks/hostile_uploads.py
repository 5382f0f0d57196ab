"""The security review's hostile uploads against a real server: peak RSS and time for each.

Starts `brukarrost serve` (uvicorn) on 127.0.0.1 over a fresh SQLite database in a
temporary directory, signs in an analyst through the web form, and uploads through the
form (CSRF token as a field before the file): a normal CSV export first (warm-up and
comparison), then a nested JSON array of 80 KB and of 400 KB and an XLSX zip bomb (sheet
XML of ~400 MB in a ~1.5 MB zip). The server's RSS is read from /proc/<pid>/status every
20 ms during each request.

    python benchmarks/hostile_uploads.py [--bomb-mb 400] [--real-xlsx FIL]

Exits non-zero if a hostile upload was accepted, took more than 20 s, or grew the
server's RSS by more than 100 MB.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_files import Server, hostile_uploads, xlsx_bomb  # noqa: E402

MB = 1024 * 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bomb-mb", type=int, default=400, help="zip-bombens uppackade storlek i MB")
    parser.add_argument("--real-xlsx", type=Path, help="en riktig XLSX-export att jämföra med")
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory(prefix="brukarrost-hostile-") as tmp:
        work = Path(tmp)
        env = dict(
            os.environ,
            BRUKARROST_DATA_DIR=str(work / "data"),
            BRUKARROST_KEY_FILE=str(work / "nyckel" / "k.key"),
            BRUKARROST_UPLOAD_DIR=str(work / "upp"),
            PYTHONPATH=str(ROOT),
        )
        env.pop("BRUKARROST_DATABASE_URL", None)
        uploads = hostile_uploads(work)
        if args.bomb_mb != 400:
            uploads["zipbomb.xlsx"] = xlsx_bomb(work / "b.xlsx", args.bomb_mb).read_bytes()
        if args.real_xlsx:
            uploads = {
                "vanlig.csv": uploads.pop("vanlig.csv"),
                args.real_xlsx.name: args.real_xlsx.read_bytes(),
                **uploads,
            }
        with Server(env) as server:
            print(f"server pid {server.proc.pid}, RSS vid start {server.rss() / MB:.0f} MB")
            print(f"{'fil':<22}{'storlek':>10}{'status':>8}{'tid s':>8}{'RSS före':>10}{'topp':>8}{'ökning':>8}")
            for name, content in uploads.items():
                r = server.upload(name, content)
                grew = (r.rss_peak - r.rss_before) / MB
                print(
                    f"{name:<22}{len(content) / 1024:>8.0f}kB{r.status:>8}{r.seconds:>8.2f}"
                    f"{r.rss_before / MB:>8.0f}MB{r.rss_peak / MB:>6.0f}MB{grew:>6.0f}MB"
                )
                hostile = name not in ("vanlig.csv",) and name != getattr(args.real_xlsx, "name", None)
                if hostile and (r.status < 400 or r.seconds > 20 or grew > 100):
                    failed = True
            print(f"RSS efter alla uppladdningar {server.rss() / MB:.0f} MB")
    print("FEL: en fientlig uppladdning gick igenom eller kostade för mycket" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
