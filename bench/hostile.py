#!/usr/bin/env python3
"""Hostile-file benchmark (issue #11, deliverable 4), run from the repository root:

    python3 bench/hostile.py [GLOCAL_BINARY] [--only alias-bomb-key,string-50mb] [--format text]

GLOCAL_BINARY defaults to .build/debug/glocal; a release build (`swift build -c release --product glocal`,
then .build/release/glocal) gives the figures that matter. Each case copies the golden base workspace
(Tests/GlocalCLITests/Fixtures/golden/base) into a temporary directory, makes one file hostile, runs
`glocal validate` on it once, and reports wall time, peak resident memory (max RSS of that process alone),
the exit status, the output size and the first diagnostic. The target for every case: a diagnostic (exit 1;
exit 0 with notes for the valid million-key file), within 10 s and 500 MB. Exit status 1 if any case misses the target. No dependencies beyond Python 3.
"""
import argparse, os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join(ROOT, "Tests", "GlocalCLITests", "Fixtures", "golden", "base")
LIMIT_SECONDS, LIMIT_MB = 10.0, 500.0


def alias_bomb(indent="", levels=9, key_alias=False):
    names = "abcdefghijklmnop"[:levels]
    lines = [f'{indent}lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip(names, names[1:]):
        lines.append(f"{indent}{name * 2}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines.append(f"{indent}*{names[-1]} : boom" if key_alias else f"{indent}boom: *{names[-1]}")
    return "\n".join(lines) + "\n"


def nested_alias_bomb():
    lines = ["    media:", "      - &m0 [[x, x, x, x, x, x, x, x, x, x]]"]
    lines += [f"      - &m{i} [" + ", ".join([f"[*m{i - 1}]"] * 10) + "]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


def edit(path, change):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(change(text))


def add_after(marker, extra):
    return lambda text: text.replace(marker, marker + extra, 1)


CAMPAIGN = "campaigns/winter-tips.yaml"
LOCALE = "locales/fr.yaml"
CASES = {
    # name: (file, change)
    "alias-bomb-value": (CAMPAIGN, add_after("kind: informative\n", alias_bomb().replace("lol:", "x-lol:", 1))),
    "alias-bomb-key": (LOCALE, add_after("strings:\n", alias_bomb("  ", key_alias=True))),
    "alias-bomb-nested-lists": (CAMPAIGN, lambda t: t.replace("    media: [assets/serum-4x5.png]\n", nested_alias_bomb(), 1)),
    "brackets-100k": (CAMPAIGN, add_after("kind: informative\n", "name: " + "[" * 100_000 + "]" * 100_000 + "\n")),
    "brackets-100k-unclosed": (CAMPAIGN, add_after("kind: informative\n", "name: " + "[" * 100_000 + "\n")),
    "block-nesting-2000": (CAMPAIGN, add_after("kind: informative\n", "".join(" " * i + f"k{i}:\n" for i in range(2_000)))),
    "string-50mb": (LOCALE, lambda t: t.replace(
        "\"Le froid assèche la peau. Passez à un nettoyant doux sans savon jusqu'au printemps.\"",
        "\"" + "Le froid assèche la peau. " * (50_000_000 // 27) + "\"", 1)),
    "million-keys": (LOCALE, add_after("strings:\n", "".join(f"  k{i}: v\n" for i in range(1_000_000)))),
    "duplicate-keys-2000": (LOCALE, add_after("strings:\n", "".join(f"  dup: copy {i}\n" for i in range(2_001)))),
    "unknown-keys-10k": (CAMPAIGN, add_after("kind: informative\n", "".join(f"unknown_{i}: x\n" for i in range(10_000)))),
}


def measure(binary, workspace, fmt, timeout):
    """Runs glocal once in a child Python, so getrusage(RUSAGE_CHILDREN) there sees only that process."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.monotonic()\n"
        "with open(sys.argv[3], 'wb') as out:\n"
        "    try:\n"
        "        code = subprocess.run([sys.argv[1], 'validate', '--format', sys.argv[4]], cwd=sys.argv[2], stdout=out,\n"
        "                              stderr=subprocess.STDOUT, timeout=float(sys.argv[5])).returncode\n"
        "    except subprocess.TimeoutExpired:\n"
        "        code = -9\n"
        "elapsed = time.monotonic() - start\n"
        "print(code, elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    output = os.path.join(os.path.dirname(workspace), "output.txt")
    result = subprocess.run([sys.executable, "-c", probe, binary, workspace, output, fmt, str(timeout)],
                            stdout=subprocess.PIPE, text=True, check=True)
    code, elapsed, rss_kb = result.stdout.split()
    size = os.path.getsize(output)
    with open(output, "rb") as f:
        first = f.read(4096).decode("utf-8", "replace").splitlines()
    return int(code), float(elapsed), int(rss_kb) / 1024, size, first[0] if first else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary", nargs="?", default=os.path.join(ROOT, ".build", "debug", "glocal"))
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a case is stopped (counts as missed)")
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--format", default="text", choices=["text", "json", "github", "sarif"])
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(CASES)
    args.binary = os.path.abspath(args.binary)  # the runs start in the hostile workspace
    print(f"binary: {args.binary}  format: {args.format}")
    print(f"{'case':<26}{'input':>10}{'seconds':>9}{'max RSS':>10}{'output':>10}  exit  ok   first line")
    failures = 0
    for name in names:
        path, change = CASES[name]
        with tempfile.TemporaryDirectory(prefix=f"glocal-hostile-{name}-") as temp:
            workspace = os.path.join(temp, "workspace")
            shutil.copytree(BASE, workspace)
            edit(os.path.join(workspace, path), change)
            input_size = os.path.getsize(os.path.join(workspace, path))
            code, seconds, rss, size, first = measure(args.binary, workspace, args.format, args.timeout)
        # Exit 1 with a diagnostic; a valid but huge file (a million strings) may pass with notes (exit 0).
        ok = code in (0, 1) and size > 0 and seconds <= LIMIT_SECONDS and rss <= LIMIT_MB
        failures += not ok
        print(f"{name:<26}{input_size / 1e6:>8.2f}MB{seconds:>9.2f}{rss:>8.0f}MB{size / 1e3:>8.0f}kB"
              f"  {code:>4}  {'yes' if ok else 'NO ':<4} {first[:90]}")
    print(f"targets: exit 1 (or 0) with output, <= {LIMIT_SECONDS:.0f} s, <= {LIMIT_MB:.0f} MB; {failures} case(s) missed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
