#!/usr/bin/env python3
"""An independent check of a glocal plan against every rule of docs/scheduling.md.

    python3 Tests/e2e/schedule_check.py --workspace DIR --plan plan.json [--now ISO] [--metrics]

Reads the plan's JSON (`glocal plan --format json`), accounts.yaml, glocal.yaml, locales/*.yaml and
campaigns/*.yaml, and recomputes each rule with Python's `zoneinfo` — none of the scheduler's code:
the slot in the account's zone, DST gaps and folds of explicit times, quiet hours, the day and the
campaign's end, holidays, windows (never on :00 or :30), the gap between an account's posts, daily and
weekly caps, sequencing, network spacing, the sibling gap, the fleet limit in any sliding bucket and
same-minute posts of a network. A spread rule (sibling gap, same minute) may give way only when the
variant's explanation says so *and* no minute of its day's windows was free of every rule in the
final plan: the claim is checked, not trusted. A slot a person moved (a `moved` line in its explanation) is
that person's decision: the spread rules (sibling gap, same minute, never on :00 or :30) do not bind it, nor
anyone paired with it, and it may lie on any day of the campaign; every other rule still does.

Prints one finding per line and exits 1 when there is any; `--metrics` prints the spread figures as
JSON (same-minute variants, same network+locale pairs in one minute, busiest sliding bucket per network).
"""
import argparse, fnmatch, glob, json, os, re, sys
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import yaml

UTC = timezone.utc
DAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}

# docs/scheduling.md, "Default table": (tier A, tier B, min gap, max per day, max per week).
X_A = ["Tue-Thu 09:00-15:00", "Mon 08:00-17:00", "Fri 10:00-15:00"]
X_B = ["Sat 11:00-14:00", "Sun 14:00-18:00"]
IG_A = ["Mon-Fri 09:00-13:00"]
DEFAULT_TABLE = {
    "facebook": (["Mon-Fri 08:00-12:00", "Wed 15:00-17:00"], ["Sat 09:00-12:00", "Sun 08:00-13:00"], "20h", 1, 5),
    "instagram": (IG_A, ["daily 05:00-08:00"], "12h", 1, 5),
    "x": (X_A, X_B, "2h", 4, None),
    "linkedin": (["Tue-Thu 08:00-12:00"], ["Mon 10:00-14:00", "Fri 08:00-11:00"], "20h", 1, 5),
    "tiktok": (["Tue-Thu 14:00-18:00"], ["Sat,Sun 09:00-13:00"], "4h", 2, None),
    "youtube": (["Tue-Thu 12:00-16:00"], ["daily 09:00-18:00"], "24h", 1, None),
    "threads": (IG_A, X_B, "2h", 3, None),
    "bluesky": (X_A, X_B, "1h", 5, None),
    "mastodon": (X_A, X_B, "1h", 4, None),
    "pinterest": (["Fri-Sun 20:00-22:00"], ["daily 12:00-21:00"], "4h", 3, None),
    "google_business": (["Mon-Fri 09:00-11:00"], ["Mon-Sat 08:00-18:00"], "20h", 1, None),
}


def duration(text):
    """`1d12h`, `90m`, `2w` in seconds."""
    units = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}
    parts = re.findall(r"(\d+)([wdhms])", str(text))
    if not parts or "".join(n + u for n, u in parts) != str(text):
        raise ValueError(f"bad duration {text!r}")
    return sum(int(n) * units[u] for n, u in parts)


def minutes_of(text):
    if text == "24:00":
        return 23 * 60 + 59
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def clock(value):
    """An `at:` time as HH:MM; YAML 1.1 reads an unquoted 10:30 as the number 630."""
    if value is None or isinstance(value, str):
        return value
    return f"{int(value) // 60:02d}:{int(value) % 60:02d}"


def window(text):
    """`Mon-Fri 09:00-13:00` as (weekdays, start minute, end minute)."""
    days_text, hours = text.split()
    if days_text.lower() == "daily":
        days = set(range(1, 8))
    else:
        days = set()
        for item in days_text.lower().split(","):
            ends = item.split("-")
            days.update(range(DAYS[ends[0]], DAYS[ends[-1]] + 1))
    start, end = hours.split("-")
    return days, minutes_of(start), minutes_of(end)


class Workspace:
    """What the rules need, read from the workspace's files."""

    def __init__(self, root):
        settings = yaml.safe_load(open(os.path.join(root, "glocal.yaml")))
        timing = settings.get("timing") or {}
        self.fleet_limit = int(timing.get("fleet_limit", 5))
        self.fleet_bucket = duration(timing.get("fleet_bucket", "10m"))
        self.network_spacing = duration(timing.get("network_spacing", "30m"))
        self.sibling_gap = duration(timing.get("sibling_gap", "5m"))
        quiet = ((settings.get("policy") or {}).get("quiet_hours")) or "22:00-07:00"
        self.quiet = tuple(minutes_of(t) for t in quiet.split("-"))
        self.profiles = {}
        for network, (a, b, gap, per_day, per_week) in DEFAULT_TABLE.items():
            override = (timing.get("networks") or {}).get(network) or {}
            self.profiles[network] = {
                "A": [window(w) for w in override.get("preferred", a)],
                "B": [window(w) for w in override.get("allowed", b)],
                "gap": duration(override.get("min_gap", gap)),
                "per_day": int(override.get("max_per_day", per_day)),
                "per_week": override.get("max_per_week", per_week),
            }
        self.locales = {}
        for path in glob.glob(os.path.join(root, "locales", "*.yaml")):
            data = yaml.safe_load(open(path))
            self.locales[data["locale"]] = data
        self.accounts = {}
        for account in yaml.safe_load(open(os.path.join(root, "accounts.yaml")))["accounts"]:
            zone = account.get("timezone") or (self.locales.get(account["locale"]) or {}).get("timezone") or "UTC"
            holidays = {str(d) for d in (self.locales.get(account["locale"]) or {}).get("holidays") or []}
            self.accounts[account["id"]] = {
                "network": account["network"], "locale": account["locale"], "zone": ZoneInfo(zone),
                "zone_name": zone, "holidays": holidays,
            }
        self.groups = defaultdict(set)
        for account_id, account in self.accounts.items():
            self.groups[account_id].add(account["network"] + "|" + account["locale"])
        for team_id, team in (settings.get("teams") or {}).items():
            for account_id in self.accounts:
                if any(fnmatch.fnmatchcase(account_id, pattern) for pattern in team.get("accounts") or []):
                    self.groups[account_id].add("team:" + team_id)
        self.posts = {}
        for path in glob.glob(os.path.join(root, "campaigns", "*.yaml")):
            campaign = yaml.safe_load(open(path))
            start = date.fromisoformat(str(campaign["window"]["start"]))
            end = date.fromisoformat(str(campaign["window"]["end"]))
            for post in campaign.get("posts") or []:
                after = post.get("after")
                self.posts[campaign["campaign"] + "/" + post["id"]] = {
                    "day": start + timedelta(days=int(post.get("day", 0))), "first": start, "last": end,
                    "at": clock(post.get("at")), "live": bool(post.get("live", False)), "holiday": bool(post.get("holiday", False)),
                    "after": after["post"] if after else None,
                    "after_gap": duration(after.get("min_gap", "1m")) if after else 0,
                }

    def siblings(self, first, second):
        return first != second and bool(self.groups[first] & self.groups[second])

    def in_quiet(self, minute):
        start, end = self.quiet
        return start <= minute < end if start <= end else (minute >= start or minute < end)

    def in_windows(self, network, local):
        profile = self.profiles[network]
        minute = local.hour * 60 + local.minute
        return any(local.isoweekday() in days and start <= minute < end for days, start, end in profile["A"] + profile["B"])


class Variant:
    def __init__(self, change, workspace):
        after = change["after"]
        self.id = change["id"]
        self.campaign, self.post, self.account = change["campaign"], change["post"], change["account"]
        self.network = change["network"]
        self.info = workspace.posts.get(self.campaign + "/" + self.post)
        self.meta = workspace.accounts.get(self.account)
        self.plan_zone = after.get("timeZone")
        self.live = bool(after.get("live"))
        self.instant = None
        if after.get("scheduledAt"):
            self.instant = datetime.fromisoformat(after["scheduledAt"].replace("Z", "+00:00")).astimezone(UTC)
        self.local_text = after.get("localTime")
        self.explanation = after.get("explanation") or []
        self.explicit = bool(self.info and self.info["at"])
        self.gave_way = any(reason.get("rule") == "spread" for reason in self.explanation)
        # docs/scheduling.md, "Moving a post": a person chose this slot; the spread rules do not bind it.
        self.moved = any(reason.get("rule") == "moved" for reason in self.explanation)
        self.spacing_gave_way = any(reason.get("rule") == "network-spacing" for reason in self.explanation)

    @property
    def local(self):
        return self.instant.astimezone(self.meta["zone"])

    @property
    def locale(self):
        return self.meta["locale"]


class Checker:
    def __init__(self, workspace, variants, now=None):
        self.ws = workspace
        self.variants = variants
        self.now = now
        self.findings = []
        self.timed = [v for v in variants if v.instant is not None]
        self.by_account = defaultdict(list)
        self.by_network = defaultdict(list)
        for v in self.timed:
            self.by_account[v.account].append(v)
            self.by_network[v.network].append(v)
        for group in list(self.by_account.values()) + list(self.by_network.values()):
            group.sort(key=lambda v: v.instant)

    def find(self, variant, rule, message):
        self.findings.append(f"{variant.id}: [{rule}] {message}")

    def run(self):
        for v in self.variants:
            self.check_variant(v)
        self.check_accounts()
        self.check_fleet()
        self.check_spread()
        self.check_spacing()
        return self.findings

    def check_variant(self, v):
        if v.meta is None or v.info is None:
            return self.find(v, "workspace", "account or post not found in the workspace files")
        if v.meta["network"] != v.network:
            self.find(v, "account", f"network {v.network} but the account is on {v.meta['network']}")
        if v.live or v.info["live"]:
            if v.instant is not None or not (v.live and v.info["live"]):
                self.find(v, "live", "a live post has no slot, and only a live post")
            return
        if v.instant is None:
            return self.find(v, "slot", "no slot for a post that is not live")
        local = v.local
        if v.plan_zone != v.meta["zone_name"]:
            self.find(v, "zone", f"planned in {v.plan_zone}, the account is in {v.meta['zone_name']}")
        if v.local_text and v.local_text != local.strftime("%Y-%m-%d %H:%M"):
            self.find(v, "zone", f"localTime {v.local_text} but {v.instant:%Y-%m-%dT%H:%MZ} is {local:%Y-%m-%d %H:%M} there")
        if self.now and v.instant < self.now:
            self.find(v, "past", f"{v.instant:%Y-%m-%dT%H:%MZ} is before now")
        day = local.date()
        first = v.info["first"] if v.moved else v.info["day"]
        if day < first or day > v.info["last"]:
            self.find(v, "day", f"{day} is outside {first}..{v.info['last']}")
        if str(day) in v.meta["holidays"] and not v.info["holiday"]:
            self.find(v, "holiday", f"{day} is a public holiday in {v.locale}")
        minute = local.hour * 60 + local.minute
        if self.ws.in_quiet(minute):
            self.find(v, "quiet-hours", f"{local:%H:%M} is in quiet hours")
        if v.moved:
            if not self.ws.in_windows(v.network, local):
                self.find(v, "window", f"{local:%a %H:%M} is outside the {v.network} windows (a move must stay inside them)")
        elif v.explicit:
            wall = datetime.combine(day, time.fromisoformat(v.info["at"]), tzinfo=v.meta["zone"])  # fold=0
            # fold=0: the first of two wall times (fall back); a wall time that does not exist (spring
            # forward) is read with the offset before the change, i.e. moved forward by the gap.
            expected = wall.astimezone(UTC)
            if expected != v.instant:
                self.find(v, "dst", f"at {v.info['at']} on {day} is {expected:%Y-%m-%dT%H:%MZ}, planned {v.instant:%H:%MZ}")
        else:
            if not self.ws.in_windows(v.network, local):
                self.find(v, "window", f"{local:%a %H:%M} is outside the {v.network} windows")
            if local.minute in (0, 30):
                self.find(v, "stagger", f"{local:%H:%M} is on :00 or :30")
        if v.info["after"]:
            predecessor = next(
                (o for o in self.by_account[v.account] if o.campaign == v.campaign and o.post == v.info["after"]), None)
            if predecessor and (v.instant - predecessor.instant).total_seconds() < v.info["after_gap"]:
                self.find(v, "sequence", f"less than {v.info['after_gap']}s after {predecessor.id}")

    def check_accounts(self):
        for account, posts in self.by_account.items():
            profile = self.ws.profiles[posts[0].network]
            for earlier, later in zip(posts, posts[1:]):
                if (later.instant - earlier.instant).total_seconds() < profile["gap"]:
                    self.find(later, "min-gap", f"{later.instant - earlier.instant} after {earlier.id}")
            per_day, per_week = defaultdict(list), defaultdict(list)
            for v in posts:
                local_day = v.local.date()
                per_day[local_day].append(v)
                per_week[local_day.isocalendar()[:2]].append(v)
            for day, items in per_day.items():
                if len(items) > profile["per_day"]:
                    self.find(items[-1], "daily-cap", f"{len(items)} posts on {day}, at most {profile['per_day']}")
            if profile["per_week"]:
                for week, items in per_week.items():
                    if len(items) > int(profile["per_week"]):
                        self.find(items[-1], "weekly-cap", f"{len(items)} posts in week {week}, at most {profile['per_week']}")

    def check_fleet(self):
        limit, bucket = self.ws.fleet_limit, self.ws.fleet_bucket
        for network, posts in self.by_network.items():
            for i in range(len(posts) - limit):
                crowd = posts[i:i + limit + 1]
                if (crowd[-1].instant - crowd[0].instant).total_seconds() < bucket and not any(v.explicit for v in crowd):
                    self.find(crowd[-1], "fleet-limit",
                              f"{limit + 1} {network} posts from {crowd[0].instant:%Y-%m-%dT%H:%MZ} to "
                              f"{crowd[-1].instant:%H:%MZ}, within {bucket // 60} min")

    def pair_excused(self, first, second):
        """Explicit times are the brand's own coordination, and a moved slot a person's decision; otherwise
        one of the two must show the spread gave way, and that claim must hold (no free minute that day)."""
        if first.explicit or second.explicit or first.moved or second.moved:
            return True
        return any(v.gave_way and self.no_free_minute(v) for v in (first, second))

    def check_spread(self):
        gap = self.ws.sibling_gap
        for network, posts in self.by_network.items():
            for i, v in enumerate(posts):
                j = i + 1
                while j < len(posts) and posts[j].instant - v.instant < timedelta(minutes=1):
                    if not self.pair_excused(v, posts[j]):
                        self.find(posts[j], "same-minute", f"shares {v.instant:%Y-%m-%dT%H:%MZ} with {v.id}")
                    j += 1
        if gap <= 0:
            return
        ordered = sorted(self.timed, key=lambda v: v.instant)
        for i, v in enumerate(ordered):
            j = i + 1
            while j < len(ordered) and (ordered[j].instant - v.instant).total_seconds() < gap:
                other = ordered[j]
                if self.ws.siblings(v.account, other.account) and not self.pair_excused(v, other):
                    self.find(other, "sibling-gap",
                              f"{int((other.instant - v.instant).total_seconds() // 60)} min after sibling {v.id}")
                j += 1
        for v in self.timed:
            if v.gave_way and not v.moved and not self.no_free_minute(v):
                self.find(v, "spread", f"says a spread rule gave way, but {self.free_minute(v)} was free that day")

    def check_spacing(self):
        groups = defaultdict(list)
        for v in self.timed:
            groups[(v.campaign, v.post, v.locale)].append(v)
        for items in groups.values():
            for a in items:
                for b in items:
                    if a.network < b.network and abs((a.instant - b.instant).total_seconds()) < self.ws.network_spacing:
                        if not (a.explicit or b.explicit or a.spacing_gave_way or b.spacing_gave_way):
                            self.find(b, "network-spacing", f"within {self.ws.network_spacing // 60} min of {a.id}")

    # The give-way claim: is there a minute of the variant's day, in its network's windows, that
    # breaks no rule at all given every other post of the final plan?
    def no_free_minute(self, v):
        return self.free_minute(v) is None

    def free_minute(self, v):
        if not hasattr(v, "_free"):
            v._free = self.search_free_minute(v)
        return v._free

    def search_free_minute(self, v):
        zone, day = v.meta["zone"], v.local.date()
        profile = self.ws.profiles[v.network]
        others = [o for o in self.timed if o is not v]
        own = [o for o in others if o.account == v.account]
        network = [o for o in others if o.network == v.network]
        siblings = [o for o in others if self.ws.siblings(v.account, o.account)]
        spacing = [o for o in others if (o.campaign, o.post, o.locale) == (v.campaign, v.post, v.locale) and o.network != v.network]
        predecessor = next((o for o in own if o.campaign == v.campaign and o.post == v.info["after"]), None)
        minutes = sorted({m for days, s, e in profile["A"] + profile["B"] if day.isoweekday() in days for m in range(s, e)})
        for minute in minutes:
            if minute % 30 == 0 or self.ws.in_quiet(minute):
                continue
            wall = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=zone)
            instant = wall.astimezone(UTC)
            if instant.astimezone(zone).replace(tzinfo=None) != wall.replace(tzinfo=None):
                continue  # does not exist (spring forward)
            if self.now and instant < self.now:
                continue
            if any(abs((o.instant - instant).total_seconds()) < profile["gap"] for o in own):
                continue
            if predecessor and (instant - predecessor.instant).total_seconds() < v.info["after_gap"]:
                continue
            near = sorted([o.instant for o in network if abs((o.instant - instant).total_seconds()) < self.ws.fleet_bucket]
                          + [instant])
            limit = self.ws.fleet_limit
            if any((near[i + limit] - near[i]).total_seconds() < self.ws.fleet_bucket for i in range(len(near) - limit)):
                continue
            if any(abs((o.instant - instant).total_seconds()) < 60 for o in network):
                continue
            if any(abs((o.instant - instant).total_seconds()) < self.ws.sibling_gap for o in siblings):
                continue
            if not v.spacing_gave_way and any(
                    abs((o.instant - instant).total_seconds()) < self.ws.network_spacing for o in spacing):
                continue
            return f"{wall:%H:%M}"
        return None


def metrics(workspace, variants):
    """Spread figures: variants sharing their minute with another post of the network, pairs of one
    network and locale in one minute, and the busiest sliding fleet bucket per network."""
    timed = [v for v in variants if v.instant is not None]
    by_minute = defaultdict(list)
    for v in timed:
        by_minute[(v.network, v.instant.replace(second=0, microsecond=0))].append(v)
    sharing = sum(len(items) for items in by_minute.values() if len(items) > 1)
    locale_pairs = locale_minutes = 0
    for items in by_minute.values():
        per_locale = defaultdict(int)
        for v in items:
            per_locale[v.locale] += 1
        locale_pairs += sum(n * (n - 1) // 2 for n in per_locale.values())
        locale_minutes += sum(1 for n in per_locale.values() if n > 1)
    busiest = {}
    for network in sorted({v.network for v in timed}):
        instants = sorted(v.instant for v in timed if v.network == network)
        best, start = 0, 0
        for end in range(len(instants)):
            while (instants[end] - instants[start]).total_seconds() >= workspace.fleet_bucket:
                start += 1
            best = max(best, end - start + 1)
        busiest[network] = best
    gave_way = sum(1 for v in timed if v.gave_way)
    return {"variants": len(timed), "sameMinuteVariants": sharing, "sameNetworkLocalePairsInOneMinute": locale_pairs,
            "minutesWithSameNetworkLocaleAccounts": locale_minutes,
            "busiestFleetBucket": busiest, "fleetLimit": workspace.fleet_limit, "spreadGaveWay": gave_way}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--plan", required=True)
    parser.add_argument("--now")
    parser.add_argument("--metrics", action="store_true")
    args = parser.parse_args()
    workspace = Workspace(args.workspace)
    plan = json.load(open(args.plan))
    variants = [Variant(c, workspace) for c in plan["changes"] if c.get("after")]
    now = datetime.fromisoformat(args.now.replace("Z", "+00:00")) if args.now else None
    if args.metrics:
        print(json.dumps(metrics(workspace, variants), sort_keys=True))
    findings = Checker(workspace, variants, now).run()
    for finding in findings:
        print(finding)
    print(f"{len(findings)} finding(s) in {len(variants)} variant(s)", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
