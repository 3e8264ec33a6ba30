#!/usr/bin/env python3
"""Issue #16's PostgreSQL figures, in one run on one machine: claim + begin + finish (the dispatcher's
batched step, settleAndClaim, with the networks' caps) on SQLite and on PostgreSQL with 1 and 3 nodes,
applying 210 000 variants into SQLite and PostgreSQL, and the lateness of 10 000 posts due over
10 minutes sent by 3 PostgreSQL nodes through loopback HTTP to the sandbox.

Starts a durable throwaway server (scripts/postgres-test-server with GLOCAL_TEST_POSTGRES_DURABLE=1),
runs glocal-dispatch-bench (build it first: swift build -c release --product glocal-dispatch-bench, or
pass --binary), prints one JSON object per figure and stops the server. Each figure also says where the
CPU went: the bench process's (the nodes, client side) and the server's (every process of the server,
read from /proc), in microseconds per job or variant over the whole run (setup included; the queue figures
also give their timed part's: client_cpu_us_per_job, server_cpu_us_per_job), and the machine's load average
when it started.

    bench/postgres.py [--binary PATH] [--jobs 20000] [--batch 100] [--variants 210000]
                      [--posts 10000] [--minutes 10] [--nodes 3] [--skip-lateness] [--skip-apply]
                      [--queue-nodes 1,3] [--repeat 1] [--server DIR]

--server DIR uses a server already started by `scripts/postgres-test-server start` (its directory), e.g. one
with pg_stat_statements loaded, instead of starting one.

--minutes 1 (with --posts 1000) gives a quick lateness run; the issue's figure is 10 000 posts over 10 minutes.
"""
import argparse
import json
import os
import resource
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def server_cpu_seconds(directory: str) -> float:
    """CPU time (user + system) of the server in `directory`: the postmaster, its live children and the
    children it has reaped (connections closed since it started)."""
    with open(os.path.join(directory, "data", "postmaster.pid")) as pid_file:
        postmaster = int(pid_file.readline())
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat_file:
                fields = stat_file.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry), int(fields[1])
        if pid == postmaster:
            total += sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
        elif parent == postmaster:
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def client_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/glocal-dispatch-bench"))
    parser.add_argument("--jobs", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=100, help="jobs claimed per step (the dispatcher claims half its concurrency)")
    parser.add_argument("--variants", type=int, default=210_000)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--nodes", type=int, default=3)
    parser.add_argument("--skip-lateness", action="store_true")
    parser.add_argument("--skip-apply", action="store_true")
    parser.add_argument("--queue-nodes", default="1,3", help="the node counts of the queue figures, comma-separated")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each queue figure")
    parser.add_argument("--server", help="the directory of a server already started (left running)")
    options = parser.parse_args()
    script = os.path.join(ROOT, "scripts/postgres-test-server")
    if options.server:
        directory = options.server
        with open(os.path.join(directory, "options")) as option_file:
            port = option_file.read().split(" -p ")[1].split()[0]
        user = "postgres" if os.getuid() == 0 else os.environ.get("USER", "postgres")
        url = f"postgres://{user}@127.0.0.1:{port}/glocal_test"
    else:
        started = subprocess.run(
            [script, "start"], check=True, capture_output=True, text=True,
            env={**os.environ, "GLOCAL_TEST_POSTGRES_DURABLE": "1"}, stdin=subprocess.DEVNULL)
        values = dict(line.replace("export ", "").split("=", 1) for line in started.stdout.splitlines() if "=" in line)
        url, directory = values["GLOCAL_TEST_POSTGRES_URL"], values["GLOCAL_TEST_POSTGRES_DIR"]
    try:
        jobs, batch = str(options.jobs), str(options.batch)
        runs = [("sqlite queue, 1 node", ["queue", jobs, batch], options.jobs)] * options.repeat
        for nodes in options.queue_nodes.split(","):
            name = f"postgres queue, {nodes} node{'' if nodes == '1' else 's'}"
            runs += [(name, ["postgres-queue", url, jobs, nodes, batch], options.jobs)] * options.repeat
        if not options.skip_apply:
            runs.append(("apply", ["postgres-apply", url, str(options.variants)], options.variants))
        if not options.skip_lateness:
            runs.append((
                f"postgres lateness, {options.nodes} nodes",
                ["postgres-lateness", url, str(options.posts), str(options.minutes), str(options.nodes)], options.posts))
        for name, arguments, count in runs:
            load = os.getloadavg()[0]
            server, client = server_cpu_seconds(directory), client_cpu_seconds()
            output = subprocess.run(
                [options.binary, *arguments], check=True, capture_output=True, text=True,
                env={**os.environ, "GLOCAL_BENCH_POSTGRES_DIR": directory}).stdout
            server, client = server_cpu_seconds(directory) - server, client_cpu_seconds() - client
            result = json.loads(output.strip().splitlines()[-1])
            # The whole run's CPU (setup included); the queue figures also give their timed part's, per job.
            cpu = {"load": round(load, 1), "run_client_cpu_us_per_item": round(client * 1e6 / count, 1)}
            if arguments[0] != "queue":
                cpu["run_server_cpu_us_per_item"] = round(server * 1e6 / count, 1)
            print(json.dumps({"figure": name, **result, **cpu}, sort_keys=True), flush=True)
    finally:
        if not options.server:
            subprocess.run([script, "stop", directory], check=False, stdin=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
