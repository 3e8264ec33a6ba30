/// The top-level domains that make a bare domain (`example.com`, no scheme) count as a link.
///
/// twitter-text links a domain without `http://` only when it ends in a known TLD. This list
/// holds every two-letter country-code TLD (ISO 3166 plus `ac`, `eu`, `su`, `uk` and a few
/// legacy ones) and a curated set of common generic TLDs. Brand TLDs (`.google`, `.bmw`…) and
/// internationalised TLDs are left out on purpose. Labels are packed into a `UInt64`
/// (5 bits per letter, at most 12 letters) so a lookup never allocates.
enum TopLevelDomains {
    /// Two-letter country-code TLDs.
    static let countryCodes = """
        ac ad ae af ag ai al am an ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br \
        bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee \
        eg eh er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm \
        hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li \
        lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne \
        nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc \
        sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tp tr tt \
        tv tw tz ua ug uk um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw
        """

    /// Common generic TLDs (the historical ones and the new gTLDs most seen in posts).
    static let generics = """
        com net org edu gov mil int info biz name pro aero asia cat coop jobs mobi museum post tel travel \
        xxx arpa app dev page blog shop store online site website tech xyz club news live art design cloud \
        email link top space fun life world today agency studio media digital solutions services company \
        global network center group systems software social video photo photos photography music film \
        movie games game events academy education school university college church community foundation \
        health healthcare care clinic dental dentist doctor fitness guru tips tools expert team ventures \
        capital finance financial money bank insurance law legal lawyer attorney consulting marketing \
        management partners properties property realty estate house homes city london paris berlin nyc \
        tokyo amsterdam wien barcelona madrid brussels quebec bayern scot wales cymru eus gal bzh corsica \
        alsace ninja rocks wiki press codes zone land bike coffee restaurant bar cafe wine beer pizza \
        fashion style love family green eco earth energy bio organic farm garden pet dog run golf football \
        soccer tennis yoga beauty hair makeup skin jewelry gold watch shoes clothing boutique gallery gift \
        gifts toys kids baby tours holiday hotel vacations flights cruises reise reisen versicherung \
        immobilien gmbh ltd llc inc sarl srl ong ngo one new how ink red blue pink black works work careers \
        career market markets sale shopping deals discount cheap buzz chat click help host hosting \
        domains download stream theater theatre show fan fans fyi lol vip win bet poker casino cash credit \
        loan loans tax accountant associates auction audio auto autos cars car boats exchange forum \
        institute limited living luxury menu reviews review recipes science security \
        support technology training trade trading vision vote wedding directory guide report plus place \
        pub rest rsvp ski surf tattoo taxi tickets town tube express foo bot icu cyou cfd sbs lat bond \
        quest rent zip mov mom moe now pics pictures radio rip tienda futbol viajes hoteles \
        immo jetzt kaufen schule haus koeln hamburg nrw ruhr saarland tirol swiss vlaanderen gent frl \
        africa arab kiwi melbourne sydney miami vegas boston istanbul moscow okinawa osaka nagoya kyoto
        """

    private static func keys(_ list: String) -> Set<UInt64> {
        var set = Set<UInt64>()
        for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let bytes = Array(word.utf8)
            if let key = bytes.withUnsafeBufferPointer({ key($0, 0..<$0.count) }) { set.insert(key) }
        }
        return set
    }

    private static let countryKeys = keys(countryCodes)
    private static let genericKeys = keys(generics)

    /// Packs an ASCII label (letters only, case-insensitive, 1…12 letters) into a lookup key.
    @inline(__always) static func key(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        guard !range.isEmpty, range.count <= 12 else { return nil }
        var key: UInt64 = 0
        for i in range {
            let lower = buf[i] | 0x20
            guard lower >= 0x61, lower <= 0x7A else { return nil }
            key = key << 5 | UInt64(lower - 0x60)
        }
        return key
    }

    /// Whether the packed label is a country-code TLD.
    static func isCountryCode(_ key: UInt64) -> Bool { countryKeys.contains(key) }

    /// Whether the packed label is a known generic TLD.
    static func isGeneric(_ key: UInt64) -> Bool { genericKeys.contains(key) }

    /// Country-code TLDs that twitter-text links even as `name.tld` with no path (`t.co`, `x.tv`).
    static func isSpecialShortCountryCode(_ key: UInt64) -> Bool { key == coKey || key == tvKey }

    private static let coKey: UInt64 = 3 << 5 | 15
    private static let tvKey: UInt64 = 20 << 5 | 22
}
