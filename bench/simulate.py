#!/usr/bin/env python3
"""Learned-timing simulation over several seeds (issue 18), run from the repository root:

    python3 bench/simulate.py [--seeds 1,2,3,4,5] [--accounts 120] [--weeks 12] [--noise 0.5] [--skip-build]
                              [--binary PATH] [--shares 0.05,0.1,0.15,0.2] [--share-noises 0,0.25,0.5,1]
                              [-- extra glocal-simulate options, e.g. --half-life-weeks 6]

Builds `glocal-simulate` (release) unless told not to, runs it once per seed (`--json`) and prints,
for each figure, its mean, min and max over the seeds, then whether each goal of issue 18 is met:

- learned timing captures >= 70 % of the oracle's lift over the default table in the last 4 of 12 weeks;
- the peak of >= 90 % of accounts is found (for good) within 6 weeks;
- the holdout's estimate of the lift is within +-3 points of the true lift, read over weeks 2-12 (the
  whole learning period: what a 12-week report shows); the last 4 weeks are printed too. Per seed: the
  estimate's error, whether it is within +-3 points, and whether its 95 % interval covers the true lift.

With --shares, runs every seed at each holdout share and prints the trade-off: the holdout estimate's
error against the lift the holdout costs (the learner's lift over the table falls with the share).

With --holdout-study, runs every seed once (writing the learner's posts with `--holdout-posts`) and compares
alternatives to the holdout's estimator on the very same posts (inverse-variance weights, strata of a whole account,
weekday adjustment, and as a ceiling the simulation's own expected value at the table's slot as a covariate): per
estimator its bias, root mean square error, count within +-3 points, 95 % half-width and coverage (docs/scheduling.md,
"Holdout").

With --share-noises, runs every seed without the early (+1 h) reading (`--early-weight 0`) and then with it at
each assumed noise of its share (`--share-noise`), and prints what the reading buys: the share of the oracle's
lift captured and the peaks found within 6 weeks (docs/scheduling.md, "Early reading").

The simulation (docs/scheduling.md, "Simulation") is deterministic for a given seed.
"""
import argparse, collections, concurrent.futures, csv, json, math, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ROWS = [
    ("mean interactions/post, default table", "table", "{:.1f}"),
    ("mean interactions/post, random allowed time", "random", "{:.1f}"),
    ("mean interactions/post, learned (incl. holdout)", "learned", "{:.1f}"),
    ("mean interactions/post, oracle", "oracle", "{:.1f}"),
    ("lift over the table: learned", "learned_lift", "{:+.1%}"),
    ("lift over the table: random", "random_lift", "{:+.1%}"),
    ("lift over the table: oracle", "oracle_lift", "{:+.1%}"),
    ("share of the oracle's lift captured", "captured", "{:.0%}"),
    ("  on the learner's own posts (its 10 % holdout left out)", "captured_learned_posts", "{:.0%}"),
    ("holdout posts, weeks 2-12 (the goal's window)", "holdout_posts_all", "{:.0f}"),
    ("holdout estimate of the lift, weeks 2-12", "holdout_estimate_all", "{:+.1%}"),
    ("true lift of the learner's posts, weeks 2-12", "true_lift_all", "{:+.1%}"),
    ("holdout error, weeks 2-12, points", "holdout_error_all", "{:+.1f}"),
    ("  95 % interval's half-width, weeks 2-12, points", "holdout_margin_all", "{:.1f}"),
    ("  error of the pooled estimator used before, points", "pooled_error_all", "{:+.1f}"),
    ("holdout posts, last 4 weeks", "holdout_posts", "{:.0f}"),
    ("holdout estimate of the lift, last 4 weeks", "holdout_estimate", "{:+.1%}"),
    ("true lift of the learner's posts, last 4 weeks", "true_lift", "{:+.1%}"),
    ("holdout error, last 4 weeks, points", "holdout_error", "{:+.1f}"),
    ("  95 % interval's half-width, last 4 weeks, points", "holdout_margin", "{:.1f}"),
    ("  error of the pooled estimator used before, points", "pooled_error", "{:+.1f}"),
    ("accounts whose peak is found within 6 weeks", "peak_within_6", "{:.0f}"),
    ("  same, within 3 % of the peak", "near_peak_within_6", "{:.0f}"),
    ("accounts whose peak is found by week 12", "peak_by_end", "{:.0f}"),
    ("  best allowed hour within 1 h of the true one, within 6 weeks", "peak_hour_within_6", "{:.0f}"),
    ("  same, by week 12", "peak_hour_by_end", "{:.0f}"),
    ("  steady audiences (found within 6 weeks)", "peak_within_6_steady", "{:.0f}"),
    ("    steady accounts", "accounts_steady", "{:.0f}"),
    ("  other hours on Mon and Fri (found within 6 weeks)", "peak_within_6_weekday", "{:.0f}"),
    ("    such accounts", "accounts_weekday", "{:.0f}"),
    ("  drifting audiences (found within 6 weeks)", "peak_within_6_drifting", "{:.0f}"),
    ("    such accounts", "accounts_drifting", "{:.0f}"),
    ("  small: < 20 interactions/post (found within 6 weeks)", "peak_within_6_small", "{:.0f}"),
    ("    such accounts", "accounts_small", "{:.0f}"),
    # The hindsight bound (docs/scheduling.md, "Simulation"): a baseline that knows the world but each account's peak.
    ("bound: peaks found within 6 weeks, learner's posts", "bound_learned_peak_within_6", "{:.0f}"),
    ("  same, by week 12", "bound_learned_peak_by_end", "{:.0f}"),
    ("bound: same, posts spread uniformly, within 6 weeks", "bound_random_peak_within_6", "{:.0f}"),
    ("  same, by week 12", "bound_random_peak_by_end", "{:.0f}"),
    ("bound: share of the oracle's lift, learner's posts", "bound_learned_captured", "{:.0%}"),
    ("bound: same, posts spread uniformly", "bound_random_captured", "{:.0%}"),
]


def run(binary, seed, args, extra):
    command = [binary, "--json", "--seed", str(seed), "--accounts", str(args.accounts), "--weeks", str(args.weeks),
               "--noise", str(args.noise)] + extra
    output = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    figures = json.loads(output)
    for suffix in ("", "_all"):
        if "holdout_estimate" + suffix not in figures:
            continue
        truth = figures["true_lift" + suffix]
        figures["holdout_error" + suffix] = (figures["holdout_estimate" + suffix] - truth) * 100
        if "holdout_low" + suffix in figures:
            figures["holdout_margin" + suffix] = (figures["holdout_high" + suffix] - figures["holdout_low" + suffix]) * 50
        if "holdout_estimate_pooled" + suffix in figures:
            figures["pooled_error" + suffix] = (figures["holdout_estimate_pooled" + suffix] - truth) * 100
    return figures


def holdout_per_seed(seeds, results):
    """Per seed, the holdout estimate's error in both windows, whether it is within +-3 points and
    whether the 95 % interval covers the true lift."""
    print()
    print("holdout estimate - true lift, points, per seed (within +-3? interval covers the truth?)")
    print(f"{'seed':>6}  {'weeks 2-12 (goal)':>28}  {'last 4 weeks':>28}")
    for seed, r in zip(seeds, results):
        cells = []
        for suffix in ("_all", ""):
            error = r.get("holdout_error" + suffix)
            if error is None:
                cells.append(f"{'no estimate':>28}")
                continue
            within = "within" if abs(error) <= 3 else "NOT within"
            covers = "covers" if r.get("holdout_covers" + suffix) == 1 else "misses"
            cells.append(f"{error:+6.1f} {within:>10} {covers:>7}   ")
        print(f"{seed:>6}  " + "  ".join(cells))
    for suffix, name in (("_all", "weeks 2-12"), ("", "last 4 weeks")):
        errors = [r["holdout_error" + suffix] for r in results if "holdout_error" + suffix in r]
        if not errors:
            continue
        mean = sum(errors) / len(errors)
        rmse = (sum(e * e for e in errors) / len(errors)) ** 0.5
        within = sum(1 for e in errors if abs(e) <= 3)
        covers = sum(1 for r in results if r.get("holdout_covers" + suffix) == 1)
        print(f"  {name}: mean error {mean:+.1f} (bias), root mean square {rmse:.1f}, within +-3 on {within} of"
              f" {len(errors)} seeds, 95 % interval covers the truth on {covers} of {len(errors)}")


def share_tradeoff(binary, seeds, args, extra, shares):
    """The holdout estimate's error against the lift each holdout share costs (and the share of the oracle's lift
    captured, holdout included and on the learner's own posts: what the share costs the learning goal)."""
    print(f"holdout share trade-off over seeds {args.seeds} (error: estimate - true lift, weeks 2-12 / last 4 weeks)")
    print(f"{'share':>6} {'learned lift':>13} {'captured':>9} {'own':>5} {'holdout posts':>14} {'half-width':>11}"
          f" {'rms error':>10} {'max |error|':>12} {'within +-3':>11} {'covers':>7}   (weeks 2-12; then last 4 weeks)")
    for share in shares:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda seed: run(binary, seed, args, extra + ["--holdout-share", str(share)]), seeds))
        lift = sum(r["learned_lift"] for r in results) / len(results)
        captured = sum(r["captured"] for r in results) / len(results)
        own = [r["captured_learned_posts"] for r in results if "captured_learned_posts" in r]
        cells = []
        for suffix in ("_all", ""):
            errors = [r["holdout_error" + suffix] for r in results]
            posts = sum(r["holdout_posts" + suffix] for r in results) / len(results)
            margin = sum(r.get("holdout_margin" + suffix, float("nan")) for r in results) / len(results)
            rmse = (sum(e * e for e in errors) / len(errors)) ** 0.5
            within = sum(1 for e in errors if abs(e) <= 3)
            covers = sum(1 for r in results if r.get("holdout_covers" + suffix) == 1)
            cells.append(f"{posts:14.0f} {margin:11.1f} {rmse:10.1f} {max(map(abs, errors)):12.1f}"
                         f" {within:>7}/{len(errors):<3} {covers:>3}/{len(errors):<3}")
        print(f"{share:6.0%} {lift:+13.1%} {captured:9.1%} {sum(own) / max(1, len(own)):5.1%} " + cells[0])
        print(f"{'':6} {'':13} {'':9} {'':5} " + cells[1])


def share_noise_table(binary, seeds, args, extra, noises):
    """What the early reading buys at each assumed noise of its share (the 24 h counts are the same in every row)."""
    print(f"early (+1 h) reading over seeds {args.seeds}"
          + (f", {' '.join(extra)}" if extra else "") + ": mean (min-max) per seed")
    print(f"{'learner':34} {'captured':>18} {'peaks within 6 weeks':>22} {'learned lift':>13}")
    rows = [("+24 h score alone", ["--early-weight", "0"])]
    rows += [(f"with the +1 h share, sigma {noise:g}", ["--share-noise", str(noise)]) for noise in noises]
    for label, options in rows:
        results = [run(binary, seed, args, extra + options + ["--no-bound"]) for seed in seeds]
        captured = [r["captured"] for r in results]
        peaks = [r["peak_within_6"] for r in results]
        lift = sum(r["learned_lift"] for r in results) / len(results)
        print(f"{label:34} {sum(captured) / len(captured):>6.0%} ({min(captured):.0%}-{max(captured):.0%})"
              f" {sum(peaks) / len(peaks):>10.1f} ({min(peaks):.0f}-{max(peaks):.0f}) {lift:>+12.1%}"
              + "   " + " ".join(f"{c:.0%}/{p:.0f}" for c, p in zip(captured, peaks)))


def read_posts(path):
    """The learner's posts written by `glocal-simulate --holdout-posts` (weeks 2-12), each with log(engagement + 1)
    `y`, the same for the table's slot with the same luck `t`, and log(expected + 1) at the table's slot `c`."""
    posts = []
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            posts.append({
                "account": row["account"], "network": row["network"], "week": int(row["week"]),
                "weekday": int(row["weekday"]), "holdout": row["holdout"] == "1",
                "y": math.log(float(row["engagement"]) + 1), "t": math.log(float(row["table_engagement"]) + 1),
                "c": math.log(float(row["table_expected"]) + 1)})
    return posts


def by_period(post):
    """The shipped estimator's stratum: the account in its 28-day period, counted from week 1 (as glocal-simulate)."""
    return post["account"], (post["week"] - 1) // 4


def stratified_difference(posts, stratum=by_period, variance=None, covariate=None):
    """The weighted mean over strata of (mean learned - mean holdout) log(engagement + 1), each side adjusted by
    `covariate` (its slope fitted on the holdout posts within their strata) when given, with weights
    nL*nH/(nL+nH) divided by `variance(post)` of the stratum's account when given (else one pooled variance);
    and its standard error. With neither, this is HoldoutLiftEstimate (checked against glocal-simulate's figure)."""
    strata = collections.defaultdict(lambda: ([], []))
    for post in posts:
        strata[stratum(post)][1 if post["holdout"] else 0].append(post)
    slope = 0.0
    if covariate:
        products = squares = 0.0
        for _, holdout in strata.values():
            x_mean = sum(map(covariate, holdout)) / max(1, len(holdout))
            y_mean = sum(p["y"] for p in holdout) / max(1, len(holdout))
            products += sum((covariate(p) - x_mean) * (p["y"] - y_mean) for p in holdout)
            squares += sum((covariate(p) - x_mean) ** 2 for p in holdout)
        slope = products / squares if squares > 0 else 0.0
    adjusted = (lambda p: p["y"] - slope * covariate(p)) if covariate else (lambda p: p["y"])
    weighted = total = 0.0
    squares, freedom = [0.0, 0.0], [0, 0]  # learned side (raw), holdout side (adjusted)
    strata_used = []
    for learned, holdout in strata.values():
        if not learned or not holdout:
            continue
        # Only the holdout side estimates the table's slot: the covariate moves it to the learned posts' covariates.
        learned_mean = sum(p["y"] for p in learned) / len(learned)
        holdout_mean = sum(map(adjusted, holdout)) / len(holdout)
        learned_x = sum(map(covariate, learned)) / len(learned) if covariate else 0.0
        size = len(learned) * len(holdout) / (len(learned) + len(holdout))
        sigma2 = variance(holdout[0]) if variance else None
        weight = size / sigma2 if sigma2 else size
        weighted += weight * (learned_mean - holdout_mean - slope * learned_x)
        total += weight
        strata_used.append((weight, len(learned), len(holdout), sigma2))
        squares[0] += sum((p["y"] - learned_mean) ** 2 for p in learned)
        squares[1] += sum((adjusted(p) - holdout_mean) ** 2 for p in holdout)
        freedom[0] += len(learned) - 1
        freedom[1] += len(holdout) - 1
    pooled = [squares[side] / max(1, freedom[side]) for side in (0, 1)]
    # Var(sum w d / sum w) = sum w^2 (sL^2 / nL + sH^2 / nH) / (sum w)^2, each side's spread pooled over strata
    # (or the account's own variance for both sides when weighting by it).
    spread = sum(w * w * ((s2 or pooled[0]) / n_learned + (s2 or pooled[1]) / n_holdout)
                 for w, n_learned, n_holdout, s2 in strata_used)
    return weighted / total, spread ** 0.5 / total


def account_variances(posts, shrink):
    """Each account's residual variance of log(engagement + 1) around its stratum-and-side means, pooled over both sides
    and shrunk toward its network's with `shrink` degrees of freedom: what inverse-variance weights divide by."""
    groups = collections.defaultdict(list)
    for post in posts:
        groups[by_period(post) + (post["holdout"],)].append(post["y"])
    account = collections.defaultdict(lambda: [0.0, 0])
    network = collections.defaultdict(lambda: [0.0, 0])
    network_of = {post["account"]: post["network"] for post in posts}
    for key, values in groups.items():
        mean = sum(values) / len(values)
        squares, freedom = sum((v - mean) ** 2 for v in values), len(values) - 1
        for sums in (account[key[0]], network[network_of[key[0]]]):
            sums[0] += squares
            sums[1] += freedom
    def variance(post):
        squares, freedom = account[post["account"]]
        network_squares, network_freedom = network[post["network"]]
        return (squares + shrink * network_squares / network_freedom) / (freedom + shrink)
    return variance


def weekday_effects(posts):
    """Per network and weekday, the holdout posts' mean deviation from their stratum's holdout mean (shrunk by 5 posts):
    a covariate known whatever the treatment (a post's weekday does not depend on it)."""
    strata = collections.defaultdict(list)
    for post in posts:
        if post["holdout"]:
            strata[by_period(post)].append(post)
    sums = collections.defaultdict(lambda: [0.0, 0])
    for members in strata.values():
        mean = sum(p["y"] for p in members) / len(members)
        for post in members:
            cell = sums[(post["network"], post["weekday"])]
            cell[0] += post["y"] - mean
            cell[1] += 1
    return lambda post: sums[(post["network"], post["weekday"])][0] / (sums[(post["network"], post["weekday"])][1] + 5)


def true_difference(posts, variance=None):
    """The true lift's log: the learner's posts against the table's slot for the same posts with the same luck,
    each weighted by 1 / `variance` when given (the target inverse-variance weights estimate)."""
    pairs = [(p["y"] - p["t"], 1 / variance(p) if variance else 1) for p in posts if not p["holdout"]]
    return sum(d * w for d, w in pairs) / sum(w for _, w in pairs)


def holdout_study(binary, seeds, args, extra):
    """Alternatives to the holdout's estimator, on the very same posts (glocal-simulate --holdout-posts): per seed, each
    one's error against the true lift (points), and over the seeds its bias, root mean square, count within +-3
    points, mean 95 % half-width and coverage."""
    variants = [
        ("shipped: CMH weights, account x 28 days", lambda posts: (stratified_difference(posts), true_difference(posts))),
        ("strata: account alone", lambda posts: (
            stratified_difference(posts, stratum=lambda p: p["account"]), true_difference(posts))),
    ]
    for shrink in (5, 50):
        variants.append((f"inverse-variance weights (shrink {shrink})", lambda posts, shrink=shrink: (
            stratified_difference(posts, variance=account_variances(posts, shrink)), true_difference(posts))))
        variants.append((f"  same, against the same-weighted truth", lambda posts, shrink=shrink: (
            stratified_difference(posts, variance=account_variances(posts, shrink)),
            true_difference(posts, account_variances(posts, shrink)))))
    variants += [
        ("weekday-adjusted (holdout's effects/network)", lambda posts: (
            stratified_difference(posts, covariate=weekday_effects(posts)), true_difference(posts))),
        ("ceiling: expected at the table's slot (secret)", lambda posts: (
            stratified_difference(posts, covariate=lambda p: p["c"]), true_difference(posts))),
    ]
    with tempfile.TemporaryDirectory() as directory:
        def one(seed):
            path = os.path.join(directory, f"posts-{seed}.csv")
            figures = run(binary, seed, args, extra + ["--no-bound", "--holdout-posts", path])
            return figures, read_posts(path)
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            results = list(pool.map(one, seeds))
    for seed, (figures, posts) in zip(seeds, results):
        shipped = math.exp(stratified_difference(posts)[0]) - 1
        if abs(shipped - figures["holdout_estimate_all"]) > 1e-9:
            sys.exit(f"seed {seed}: the study's shipped estimator ({shipped}) is not glocal-simulate's"
                     f" ({figures['holdout_estimate_all']})")
    print(f"holdout estimators over seeds {args.seeds}, weeks 2-12, on the same posts"
          + (f", {' '.join(extra)}" if extra else "") + " (error: estimate - true lift, points)")
    print(f"{'estimator':46} {'bias':>6} {'rms':>5} {'within +-3':>10} {'worst':>6} {'half-width':>10} {'covers':>7}"
          "   error per seed")
    for name, estimate in variants:
        errors, margins, covers = [], [], 0
        for _, posts in results:
            (difference, error), truth = estimate(posts)
            errors.append((math.exp(difference) - math.exp(truth)) * 100)
            low, high = math.exp(difference - 1.96 * error), math.exp(difference + 1.96 * error)
            margins.append((high - low) * 50)
            covers += low <= math.exp(truth) <= high
        n = len(errors)
        print(f"{name:46} {sum(errors) / n:+6.2f} {(sum(e * e for e in errors) / n) ** 0.5:5.2f}"
              f" {sum(abs(e) <= 3 for e in errors):>6}/{n:<3} {max(map(abs, errors)):6.1f} {sum(margins) / n:10.2f}"
              f" {covers:>3}/{n:<3}   " + " ".join(f"{e:+.1f}" for e in errors))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--accounts", type=int, default=120)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--noise", type=float, default=0.5)
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "glocal-simulate"))
    parser.add_argument("--shares", help="holdout shares to compare, e.g. 0.05,0.1,0.15,0.2")
    parser.add_argument("--share-noises", help="assumed noises of the +1 h share to compare, e.g. 0,0.25,0.5,1")
    parser.add_argument("--holdout-study", action="store_true",
                        help="compares alternatives to the holdout's estimator on the same posts")
    parser.add_argument("extra", nargs=argparse.REMAINDER, help="options passed on to glocal-simulate")
    args = parser.parse_args()
    extra = [item for item in args.extra if item != "--"]
    seeds = [int(s) for s in args.seeds.split(",")]
    if len(seeds) < 5:
        print("note: the goals are measured over at least 5 seeds", file=sys.stderr)
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "glocal-simulate"], cwd=ROOT, check=True)
    if args.shares:
        share_tradeoff(args.binary, seeds, args, extra, [float(s) for s in args.shares.split(",")])
        return
    if args.holdout_study:
        holdout_study(args.binary, seeds, args, extra)
        return
    if args.share_noises:
        share_noise_table(args.binary, seeds, args, extra, [float(s) for s in args.share_noises.split(",")])
        return
    results = [run(args.binary, seed, args, extra) for seed in seeds]
    print(f"glocal-simulate over seeds {args.seeds}: {args.accounts} accounts, {args.weeks} weeks, noise {args.noise}"
          + (f", {' '.join(extra)}" if extra else ""))
    print(f"{'figure (last 4 weeks)':52} {'mean':>8} {'min':>8} {'max':>8}   per seed")
    for label, key, fmt in ROWS:
        values = [r[key] for r in results if key in r]
        if not values:
            continue
        mean = sum(values) / len(values)
        cells = [fmt.format(v) for v in (mean, min(values), max(values))]
        print(f"{label:52} {cells[0]:>8} {cells[1]:>8} {cells[2]:>8}   " + " ".join(fmt.format(v) for v in values))
    accounts = args.accounts
    captured = [r["captured"] for r in results]
    found = [r["peak_within_6"] / accounts for r in results]
    errors = [abs(r.get("holdout_error", float("inf"))) for r in results]
    errors_all = [abs(r.get("holdout_error_all", float("inf"))) for r in results]
    holdout_per_seed(seeds, results)
    print()
    own = [r["captured_learned_posts"] for r in results if "captured_learned_posts" in r]
    for label, values in (("all the learner's posts, its 10 % holdout included", captured),
                          ("the posts learned timing placed (holdout left out)", own)):
        if not values:
            continue
        mean = sum(values) / len(values)
        print(f"goal: captures >= 70 % of the oracle's lift, {label}: mean {mean:.0%}, min {min(values):.0%},"
              f" >= 70 % on {sum(1 for v in values if v >= 0.7)} of {len(values)} seeds"
              f" -> {'met' if mean >= 0.7 else 'NOT met'} on the mean, {'met' if min(values) >= 0.7 else 'NOT met'} on every seed")
    print(f"goal: peak of >= 90 % of accounts within 6 weeks: mean {sum(found) / len(found):.0%}, min {min(found):.0%}"
          f" -> {'met' if min(found) >= 0.9 else 'NOT met'}")
    print(f"goal: holdout estimate within +-3 points of the true lift, weeks 2-12: worst {max(errors_all):.1f} points,"
          f" within on {sum(1 for e in errors_all if e <= 3)} of {len(seeds)} seeds"
          f" -> {'met' if max(errors_all) <= 3 else 'NOT met'} on every seed; last 4 weeks: worst {max(errors):.1f},"
          f" within on {sum(1 for e in errors if e <= 3)} of {len(seeds)}")


if __name__ == "__main__":
    main()
