/// Fragments that YAML parsers and the validator have to handle: indicators, invisible and bidirectional
/// characters, hostile numbers and scalars, and media paths that lead nowhere or out of the workspace.
enum HostileText {
    /// Inserted anywhere, or where a value starts.
    static let tokens: [String] = [
        "*", "&a ", "*a", "!!", "!!str ", "!!binary ", "!local ", "? ", "- ", "{", "}", "[", "]", "\"", "'", "|", ">", "#",
        "%YAML 1.1\n---\n", "---\n", "...\n", "@", "`", ",", ": ", ":", "\t", "\u{00A0}", "\u{FEFF}", "\r", "\0",
        "\u{1B}[31m",
        "\u{200F}", "\u{202E}", "\u{200B}", "\u{0301}",
        "\u{0301}\u{0301}\u{0301}", "😀", "👩‍👩‍👧‍👦", "🇫🇷", "日本語", "\u{FFFD}",
        "\u{85}", "\u{2028}", "<<: *a\n", "{city}", "{", "{{", "}}", "{unknown}", "{locale}", "\\", "\\u0000",
    ]

    /// Values for numbers: zero, negatives, the edges of Int and Int64, dates typed as numbers, floats.
    static let numbers: [String] = [
        "0", "-1", "-0", "1", "99999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "2147483648", "4294967296", "20270305", "1e309", "-1e309", "0x7fffffffffffffff", ".nan", ".inf", "1.5", "0o777",
        "1_000_000", "365000000", "-365000000", "2026", "12345678901234567890123456789",
    ]

    /// Whole values: empty and null, collections, tags, booleans, invalid dates and times, aliases.
    static let values: [String] = [
        "", "~", "null", "[]", "{}", "[[]]", "{a: }", "yes", "no", "on", "true", "!!int 9", "!!float x", "!!binary aGk=",
        "!!map {}", "2027-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "-2026-01-01", "25:00", "\"24:00\"", "\"23:60\"",
        "99999999h", "-1h", "0h", "1d", "999999999999d", "*a", "&a", "&a value", "\"unterminated", "'single", "\"\\u0000\"",
        "\"\\e[2J\"", "\"a\\rb\"", "|\n  block\n  text", ">-\n  folded", "- a\n- b", "\u{202E}txt.exe", "\u{200F}",
        "😀😀😀",
        "é\u{0301}\u{0301}", "{city}{city}", "\"{\"", "Etc/GMT+14", "Mars/Olympus", "xx-YY", "en", "fr-FR", "x", "mastodon",
        "instagram", "youtube", "tiktok", "promotional", "informative", "required", "none", "first_comment",
    ]

    /// Replacements for a media path: one character, invisible marks, other scripts, leading out of the workspace.
    static let mediaPaths: [String] = [
        "x", "\u{200F}", "\u{202E}", "é", "😀", "assets/é.png", "assets/serum-4x5.PNG", "assets/", "assets", ".", "..",
        "../../etc/passwd", "/etc/passwd", "/dev/zero", "/proc/self/environ", "assets/../assets/teaser.mp4",
        "assets/./serum-4x5.png", "assets//serum-4x5.png", "assets/serum-4x5.png\u{0301}", "assets/teaser", "~/x.png",
        "\"\"", "'a b.png'", "assets/banner-wide.png#x", "assets/%2e%2e/x.png", "C:\\\\x.png", "\\\\server\\\\x.png",
    ]
}
