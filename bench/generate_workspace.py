#!/usr/bin/env python3
"""Generates a large synthetic glocal workspace for benchmarks.

    python3 bench/generate_workspace.py OUT_DIR [--accounts 120] [--campaigns 500]

Every campaign targets every account and has 3 or 4 posts, so 120 accounts x 500 campaigns
gives about 200 000 variants. Texts are templated per account, so the workspace validates clean.
"""
import argparse, os, random, struct, zlib

NETWORKS = ["instagram", "facebook", "x", "linkedin", "bluesky", "mastodon", "threads", "youtube", "tiktok"]
MARKETS = [  # (market, locale, fallback, timezone, city)
    ("fr", "fr-FR", "fr", "Europe/Paris", "Paris"), ("ca", "fr-CA", "fr", "America/Toronto", "Montréal"),
    ("uk", "en-GB", "en", "Europe/London", "London"), ("us", "en-US", "en", "America/New_York", "New York"),
    ("de", "de-DE", "de", "Europe/Berlin", "Berlin"), ("es", "es-ES", "es", "Europe/Madrid", "Madrid"),
    ("mx", "es-MX", "es", "America/Mexico_City", "Ciudad de México"), ("it", "it-IT", "it", "Europe/Rome", "Milano"),
    ("br", "pt-BR", "pt", "America/Sao_Paulo", "São Paulo"), ("jp", "ja-JP", "ja", "Asia/Tokyo", "東京"),
    ("kr", "ko-KR", "ko", "Asia/Seoul", "서울"), ("tw", "zh-TW", "zh", "Asia/Taipei", "台北"),
    ("ae", "ar-AE", "ar", "Asia/Dubai", "دبي"), ("pl", "pl-PL", "pl", "Europe/Warsaw", "Warszawa"),
    ("nl", "nl-NL", "nl", "Europe/Amsterdam", "Amsterdam"),
]
BASES = sorted({m[2] for m in MARKETS} | {"en"})
PHRASES = {
    "en": ("New this week in {city}: {topic}. Discover the routine our experts recommend.", "{topic}, now in {city}."),
    "fr": ("Nouveau cette semaine à {city} : {topic}. Découvrez la routine de nos experts.", "{topic}, à {city}."),
    "de": ("Neu diese Woche in {city}: {topic}. Entdecken Sie die Routine unserer Experten.", "{topic} in {city}."),
    "es": ("Novedad esta semana en {city}: {topic}. Descubre la rutina de nuestros expertos.", "{topic} en {city}."),
    "it": ("Novità della settimana a {city}: {topic}. Scopri la routine dei nostri esperti.", "{topic} a {city}."),
    "pt": ("Novidade da semana em {city}: {topic}. Descubra a rotina dos nossos especialistas.", "{topic} em {city}."),
    "ja": ("今週の{city}の新着：{topic}。専門家おすすめのケアをご覧ください。", "{city}で{topic}。"),
    "ko": ("이번 주 {city} 소식: {topic}. 전문가 추천 루틴을 만나보세요.", "{city}에서 {topic}."),
    "zh": ("本週{city}新品：{topic}。探索我們專家推薦的保養步驟。", "{city}：{topic}。"),
    "ar": ("جديد هذا الأسبوع في {city}: {topic}. اكتشفوا روتين خبرائنا.", "{topic} في {city}."),
    "pl": ("Nowość tygodnia w {city}: {topic}. Poznaj rutynę naszych ekspertów.", "{topic} w {city}."),
    "nl": ("Nieuw deze week in {city}: {topic}. Ontdek de routine van onze experts.", "{topic} in {city}."),
}

def png(path, w, h):
    raw = b"".join(b"\x00" + b"\xc8\x78\x8c" * w for _ in range(h))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--accounts", type=int, default=120)
    parser.add_argument("--campaigns", type=int, default=500)
    parser.add_argument("--start-every", type=int, default=2,
                        help="days between campaign starts; 6 spreads 500 campaigns over 8 years so every post fits the networks' daily and weekly caps")
    args = parser.parse_args()
    rng = random.Random(42)
    for folder in ("locales", "campaigns", "assets"):
        os.makedirs(os.path.join(args.out, folder), exist_ok=True)
    png(os.path.join(args.out, "assets/image-4x5.png"), 80, 100)
    with open(os.path.join(args.out, "assets/clip.mp4"), "wb") as f:
        f.write(b"\x00\x00\x00\x18ftypmp42")

    accounts = []
    for i in range(args.accounts):
        market = MARKETS[i % len(MARKETS)]
        network = NETWORKS[i % len(NETWORKS)]
        accounts.append((f"bench-{market[0]}-{i:03d}-{network}", network, market))
    with open(os.path.join(args.out, "glocal.yaml"), "w") as f:
        f.write("workspace: bench\nbrand: Bench\ndefault_locale: en\npolicy:\n  promotional_share: {max: 0.2, window: 28d, severity: error}\n")
        f.write("teams:\n  everyone:\n    accounts: [\"bench-*\"]\n    managers: [bench@bench.example]\n")
    with open(os.path.join(args.out, "accounts.yaml"), "w") as f:
        f.write("accounts:\n")
        for ident, network, (_, locale, _, tz, city) in accounts:
            f.write(f"  - id: {ident}\n    network: {network}\n    handle: {ident}\n    locale: {locale}\n"
                    f"    timezone: {tz}\n    city: {q(city)}\n    tags: [all, {network}]\n")

    topics = [f"topic {n}" for n in range(args.campaigns)]
    strings = {base: [] for base in BASES}
    campaign_files = []
    for n in range(args.campaigns):
        cid = f"campaign-{n:04d}"
        promotional = n % 7 == 3 and n % 2 == 0 and n < args.campaigns - 4
        start = 1 + n * args.start_every if args.start_every != 2 else 1 + (n * 2) % 700
        posts = 3 + n % 2
        lines = [f"campaign: {cid}", f"kind: {'promotional' if promotional else 'informative'}",
                 f"window: {{start: {date(start)}, end: {date(start + 13 + (0 if args.start_every == 2 else 7))}}}", "targets: {tags: [all]}",
                 f"link: https://bench.example/{{locale}}/{cid}", "hashtags: [BenchTag]", "posts:"]
        for p in range(posts):
            key = f"{cid}.p{p}"
            for base in BASES:
                long, short = PHRASES.get(base, PHRASES["en"])
                strings[base].append((f"{key}", long.replace("{topic}", topics[n])))
                strings[base].append((f"{key}.x", short.replace("{topic}", topics[n]) + " @{handle}"))
                strings[base].append((f"{key}.title", short.replace("{topic}", topics[n])))
            lines += [f"  - id: p{p}", f"    day: {p * (4 if args.start_every == 2 else args.start_every * 2 // 3)}", f"    text: {key}", "    media: [assets/image-4x5.png]",
                      "    networks:", f"      x: {{text: {key}.x}}", "      linkedin: {link_placement: first_comment}",
                      "      facebook: {link_placement: first_comment}", "      instagram: {link_placement: none}",
                      "      threads: {hashtags: []}",
                      "      tiktok: {media: [assets/clip.mp4], link_placement: none}",
                      f"      youtube: {{media: [assets/clip.mp4], title: {key}.title}}"]
        campaign_files.append((cid, "\n".join(lines) + "\n"))
    for cid, text in campaign_files:
        with open(os.path.join(args.out, f"campaigns/{cid}.yaml"), "w") as f:
            f.write(text)
    for base in BASES:
        with open(os.path.join(args.out, f"locales/{base}.yaml"), "w") as f:
            f.write(f"locale: {base}\nstrings:\n")
            for key, value in strings[base]:
                f.write(f"  {key}: {q(value)}\n")
    for _, locale, fallback, tz, _ in MARKETS:
        with open(os.path.join(args.out, f"locales/{locale}.yaml"), "w") as f:
            f.write(f"locale: {locale}\nfallback: {fallback}\ntimezone: {tz}\nholidays: [2027-01-01]\n")
    print(f"wrote {args.out}: {len(accounts)} accounts, {args.campaigns} campaigns, {len(BASES) + len(MARKETS)} locales")

def date(day):
    import datetime
    return (datetime.date(2027, 1, 1) + datetime.timedelta(days=day)).isoformat()

if __name__ == "__main__":
    main()
