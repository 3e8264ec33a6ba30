#!/usr/bin/env python3
"""Summarises what `bench/postgres.py --diagnose DIR` recorded, second by second, for issue #16's stalled lateness
run: the server's sessions by wait event (pg_stat_activity, sampled every 200 ms), the disk's writes, flushes and the
time they took (/proc/diskstats), the nodes' slow store calls (slow-calls.tsv) and the server log's checkpoints,
autovacuums, lock waits and slow statements.

    bench/postgres-stall.py DIR [--figure lateness] [--top 15]

Prints the `--top` worst seconds of the figure (most sessions waiting on anything but the client), each with what
the disk did in that second, then the log lines and slow calls that fall in the figure's time.
"""
import argparse
import collections
import os
import re
import signal
import sys


def figure_span(path: str, figure: str):
    start = end = None
    with open(path) as lines:
        for line in lines:
            if line.startswith("# ") and figure in line:
                stamp = line.split()[1]
                if " start " in line:
                    start, end = stamp, None
                elif " end " in line:
                    end = stamp
    return start, end


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--figure", default="lateness")
    parser.add_argument("--top", type=int, default=15)
    options = parser.parse_args()
    activity = os.path.join(options.directory, "activity.tsv")
    start, end = figure_span(activity, options.figure)
    if start is None:
        print(f"no figure matching {options.figure!r} in {activity}", file=sys.stderr)
        return 2
    end = end or "99:99:99"
    print(f"figure {options.figure!r}: {start} – {end}")
    waits = collections.defaultdict(collections.Counter)
    with open(activity) as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 8 or not (start <= fields[0][:8] <= end):
                continue
            kind = f"{fields[2]}:{fields[4] or 'CPU'}/{fields[5] or '-'}"
            waits[fields[0][:8]][kind] += 1
    disk = {}
    previous = None
    with open(os.path.join(options.directory, "diskstats.tsv")) as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            values = [int(value) if value.isdigit() else 0 for value in fields[2:]]
            if previous and previous[0] == fields[1]:
                second = fields[0][:8]
                delta = [now - before for now, before in zip(values, previous[1])]
                total = disk.setdefault(second, [0] * len(delta))
                disk[second] = [a + b for a, b in zip(total, delta)]
            previous = (fields[1], values)
    def busy(second):
        return sum(count for kind, count in waits[second].items() if "Client/ClientRead" not in kind)
    worst = sorted(waits, key=busy, reverse=True)[: options.top]
    print("worst seconds (5 samples a second; writes, ms writing, flushes, ms flushing on the disk in that second):")
    for second in sorted(worst):
        d = disk.get(second, [0, 0, 0, 0, 0, 0])
        kinds = ", ".join(f"{kind} {count}" for kind, count in waits[second].most_common(6))
        print(f"  {second}  disk w={d[0]} wms={d[1]} flush={d[4] if len(d) > 4 else '?'} fms={d[5] if len(d) > 5 else '?'}  {kinds}")
    slowest = sorted(disk.items(), key=lambda item: item[1][1], reverse=True)[:5]
    print("seconds with the most time spent writing on the disk: " + ", ".join(
        f"{second} ({values[1]} ms for {values[0]} writes)" for second, values in slowest if start <= second <= end))
    log = os.path.join(options.directory, "server.log")
    if os.path.exists(log):
        print("server log in the figure's time:")
        pattern = re.compile(r"(checkpoint|automatic (vacuum|analyze)|still waiting|acquired|duration:)")
        with open(log) as lines:
            for line in lines:
                match = re.search(r"\d\d:\d\d:\d\d", line)
                if match and start <= match.group(0) <= end and pattern.search(line):
                    print("  " + line.rstrip()[:240])
    calls = os.path.join(options.directory, "slow-calls.tsv")
    if os.path.exists(calls):
        print("slow store calls in the figure's time (>= 100 ms, or nextWake already past):")
        with open(calls) as lines:
            for line in lines:
                if start <= line[:8] <= end:
                    print("  " + line.rstrip())
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    sys.exit(main())
