#!/usr/bin/env python3
"""Dispatch benchmarks (issue #5, item 10), run from the repository root:

    python3 bench/dispatch.py [--skip-build] [--only queue,loopback,lateness,memory] [--window 600] [--scratch-path .build]

(a) queue:    claim + begin + finish 20 000 jobs on a SQLite file, in the dispatcher's steps (target >= 2 000 jobs/s).
(b) loopback: 10 000 posts through the dispatcher to the in-process sandbox over loopback, against
              the bare URLSessionTransport sending the very same requests at the same concurrency
              (target: dispatcher throughput >= half the bare one).
(c) lateness: 10 000 posts due over a 10-minute window, real clock (target p99 < 1 s). Takes the window.
(d) memory:   peak resident memory of a `glocal dispatch` process whose store holds 100 000 queued
              jobs, 1 000 of them due now (target < 150 MB).
"""
import argparse, json, os, re, signal, sqlite3, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")  # moved by --scratch-path


def bench(*args):
    out = subprocess.run([os.path.join(BIN, "glocal-dispatch-bench"), *map(str, args)], cwd=ROOT, check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        match = re.search(r"VmHWM:\s+(\d+) kB", status.read())
    return int(match.group(1)) / 1024 if match else 0.0


def memory(jobs=100_000, due=1_000):
    """A real `glocal dispatch` process on a store with `jobs` queued jobs; its peak RSS once the due ones are out."""
    with tempfile.TemporaryDirectory(prefix="glocal-memory-") as directory:
        bench("prepare-memory", directory, jobs, due)
        database = os.path.join(directory, ".glocal", "store.sqlite")
        sandbox = subprocess.Popen([os.path.join(BIN, "glocal"), "sandbox", "--port", "0"], stdout=subprocess.PIPE, text=True)
        url = sandbox.stdout.readline().split()[-1]
        dispatcher = subprocess.Popen([os.path.join(BIN, "glocal"), "dispatch", "--sandbox", url, "--workers", "8",
                                       "--database", database],
                                      cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peak, started, done = 0.0, time.time(), 0
        try:
            while time.time() - started < 300:
                peak = max(peak, peak_rss_mb(dispatcher.pid))
                with sqlite3.connect(database) as db:
                    done = db.execute("SELECT count(*) FROM publish_job WHERE state = 'completed'").fetchone()[0]
                    queued = db.execute("SELECT count(*) FROM publish_job WHERE state <> 'completed'").fetchone()[0]
                if done >= due:
                    break
                time.sleep(0.2)
            time.sleep(2)  # a few idle rounds over the 99 000 waiting jobs
            peak = max(peak, peak_rss_mb(dispatcher.pid))
        finally:
            dispatcher.send_signal(signal.SIGTERM)
            dispatcher.wait()
            sandbox.kill()
            sandbox.wait()
        return {"jobs": jobs, "published": done, "still_queued": queued, "seconds": time.time() - started, "peak_rss_mb": peak}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--only", default="queue,loopback,lateness,memory")
    parser.add_argument("--window", type=int, default=600, help="lateness window in seconds (the target is for 600)")
    parser.add_argument("--scratch-path", default=".build", help="SwiftPM's build directory")
    args = parser.parse_args()
    global BIN
    BIN = os.path.join(ROOT, args.scratch_path, "release")
    if not args.skip_build:
        for product in ["glocal", "glocal-dispatch-bench"]:
            subprocess.run(["swift", "build", "-c", "release", "--scratch-path", args.scratch_path, "--product", product],
                           cwd=ROOT, check=True)
    only = args.only.split(",")
    rows = []
    if "queue" in only:
        r = bench("queue", 20_000, 100)
        rows.append(("(a) claim + begin + finish, 20 000 jobs, file store", f"{r['jobs_per_second']:.0f} jobs/s", ">= 2 000 jobs/s",
                     r["jobs_per_second"] >= 2_000))
    if "loopback" in only:
        r = bench("loopback", 10_000, 8)
        rows.append(("(b) 10 000 posts, dispatcher vs bare transport, 8 in flight",
                     f"{r['dispatcher_posts_per_second']:.0f} vs {r['bare_posts_per_second']:.0f} posts/s = {r['ratio']:.2f}",
                     ">= 0.50", r["ratio"] >= 0.5))
    if "lateness" in only:
        r = bench("lateness", 10_000, args.window, 8)
        rows.append((f"(c) 10 000 posts due over {args.window} s, lateness",
                     f"p50 {r['p50_seconds'] * 1000:.0f} ms, p99 {r['p99_seconds'] * 1000:.0f} ms, max {r['max_seconds'] * 1000:.0f} ms",
                     "p99 < 1 s", r["p99_seconds"] < 1))
    if "memory" in only:
        r = memory()
        rows.append(("(d) glocal dispatch with 100 000 queued jobs, peak RSS", f"{r['peak_rss_mb']:.0f} MB ({r['published']} sent)",
                     "< 150 MB", 0 < r["peak_rss_mb"] < 150 and r["published"] >= 1_000))
    width = max(len(row[0]) for row in rows)
    for what, figure, target, met in rows:
        print(f"{what:<{width}}  {figure:<40}  {target:<16}  {'met' if met else 'NOT MET'}")


if __name__ == "__main__":
    main()
