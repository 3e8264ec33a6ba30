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
                      [--queue-nodes 1,3] [--repeat 1] [--server DIR] [--checkpoint-before] [--diagnose DIR]

--server DIR uses a server already started by `scripts/postgres-test-server start` (its directory), e.g. one
with pg_stat_statements loaded, instead of starting one.

--minutes 1 (with --posts 1000) gives a quick lateness run; the issue's figure is 10 000 posts over 10 minutes.

--diagnose DIR (issue #16's stalled lateness run) turns on the server's diagnostic logs (lock waits after 200 ms,
every autovacuum, statements over 500 ms; checkpoints are logged by default) and, during every figure, samples
every 200 ms the server's active sessions (pg_stat_activity: wait_event_type / wait_event, DIR/activity.tsv) and
the disks' counters (/proc/diskstats: writes, flushes, time spent, DIR/diskstats.tsv), and has the bench's nodes log
each store call that took 100 ms or more (GLOCAL_BENCH_SLOW_CALLS, DIR/slow-calls.tsv). The server's log is copied
to DIR/server.log at the end. `bench/postgres-stall.py DIR` summarises them.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time

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


DIAGNOSTIC_SETTINGS = {
    "log_lock_waits": "on", "deadlock_timeout": "200ms", "log_autovacuum_min_duration": "0",
    "log_min_duration_statement": "500", "log_checkpoints": "on",
}

ACTIVITY_QUERY = (
    "SELECT to_char(clock_timestamp(), 'HH24:MI:SS.MS'), pid, coalesce(backend_type, ''), coalesce(state, ''), "
    "coalesce(wait_event_type, ''), coalesce(wait_event, ''), "
    "coalesce(round(extract(epoch FROM clock_timestamp() - query_start)::numeric, 3)::text, ''), "
    "left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_activity "
    "WHERE pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle' AND wait_event_type IS DISTINCT FROM 'Activity';\n")


def psql_path() -> str:
    versions = sorted(os.listdir("/usr/lib/postgresql"), key=lambda version: int(version.split(".")[0]))
    return os.path.join("/usr/lib/postgresql", versions[-1], "bin/psql")


class Sampler:
    """Every 200 ms: the server's sessions that are not idle (one psql session fed a query each time) and the
    disks' cumulative counters, each line stamped with the wall clock."""

    def __init__(self, directory: str, url: str, out: str):
        self.stop_event = threading.Event()
        self.out = out
        self.activity = open(os.path.join(out, "activity.tsv"), "a")
        self.psql = subprocess.Popen(
            [psql_path(), "-X", "-q", "-A", "-t", "-F", "\t", url],
            stdin=subprocess.PIPE, stdout=self.activity, stderr=subprocess.DEVNULL, text=True)
        self.disks = open(os.path.join(out, "diskstats.tsv"), "a")
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def mark(self, text: str) -> None:
        for handle in (self.activity, self.disks):
            handle.write(f"# {time.strftime('%H:%M:%S')} {text}\n")
            handle.flush()

    def loop(self) -> None:
        while not self.stop_event.wait(0.2):
            stamp = time.strftime("%H:%M:%S") + f".{int(time.time() * 1000) % 1000:03d}"
            try:
                self.psql.stdin.write(ACTIVITY_QUERY)
                self.psql.stdin.flush()
            except OSError:
                pass
            with open("/proc/diskstats") as stats:
                for line in stats:
                    fields = line.split()
                    if fields[2].startswith(("loop", "ram", "zram")) or int(fields[3]) + int(fields[7]) == 0:
                        continue
                    # name, writes completed, ms writing, in flight, ms doing I/O, flushes, ms flushing
                    extra = fields[18:20] if len(fields) >= 20 else ["", ""]
                    self.disks.write("\t".join([stamp, fields[2], fields[7], fields[10], fields[11], fields[12], *extra]) + "\n")
            self.disks.flush()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop_event.set()
        self.thread.join()
        self.psql.stdin.close()
        self.psql.wait()
        self.activity.close()
        self.disks.close()


def diagnose(directory: str, url: str) -> None:
    """Turns on the server's diagnostic logs (all reloadable settings)."""
    psql = psql_path()
    commands = [f"ALTER SYSTEM SET {name} = '{value}'" for name, value in DIAGNOSTIC_SETTINGS.items()]
    for command in [*commands, "SELECT pg_reload_conf()"]:
        subprocess.run([psql, "-X", "-q", "-c", command, url], check=True, stdout=subprocess.DEVNULL)


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
    parser.add_argument(
        "--checkpoint-before", action="store_true",
        help="have each PostgreSQL queue figure run CHECKPOINT after its setup, before its timed part: every page it then touches first is written whole into"
        " the WAL (a full-page image), as on a server where a checkpoint has just begun")
    parser.add_argument("--diagnose", metavar="DIR", help="sample the server's sessions and the disks into DIR")
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
    environment = {**os.environ, "GLOCAL_BENCH_POSTGRES_DIR": directory}
    if options.checkpoint_before:
        environment["GLOCAL_BENCH_CHECKPOINT_BEFORE_TIMED"] = "1"
    if options.diagnose:
        os.makedirs(options.diagnose, exist_ok=True)
        diagnose(directory, url)
        environment["GLOCAL_BENCH_SLOW_CALLS"] = os.path.join(options.diagnose, "slow-calls.tsv")
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
            if options.diagnose:
                with Sampler(directory, url, options.diagnose) as sampler:
                    sampler.mark(f"start {name}")
                    completed = subprocess.run(
                        [options.binary, *arguments], check=True, capture_output=True, text=True, env=environment)
                    sampler.mark(f"end {name}")
                with open(os.path.join(options.diagnose, "bench.log"), "a") as log:
                    log.write(f"# {name}\n{completed.stderr}")
                output = completed.stdout
            else:
                output = subprocess.run(
                    [options.binary, *arguments], check=True, capture_output=True, text=True, env=environment).stdout
            server, client = server_cpu_seconds(directory) - server, client_cpu_seconds() - client
            result = json.loads(output.strip().splitlines()[-1])
            # The whole run's CPU (setup included); the queue figures also give their timed part's, per job.
            cpu = {"load": round(load, 1), "run_client_cpu_us_per_item": round(client * 1e6 / count, 1)}
            if arguments[0] != "queue":
                cpu["run_server_cpu_us_per_item"] = round(server * 1e6 / count, 1)
            print(json.dumps({"figure": name, **result, **cpu}, sort_keys=True), flush=True)
    finally:
        if options.diagnose:
            subprocess.run(["cp", os.path.join(directory, "server.log"), os.path.join(options.diagnose, "server.log")],
                           check=False)
        if not options.server:
            subprocess.run([script, "stop", directory], check=False, stdin=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
