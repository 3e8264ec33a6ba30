import Foundation
import Testing

/// What every browser test checks before it starts, and reads from `glocal … --demo` once it has.
enum BrowserPrerequisites {
    /// Fails with how to install them when Debian's Chromium or the Python modules the test's script imports
    /// (Playwright, and axe-core's driver when `axe`) are missing.
    static func require(axe: Bool = false) throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: BrowserEndToEndTests.chromium),
            "Chromium is missing at \(BrowserEndToEndTests.chromium); \(BrowserEndToEndTests.install)")
        let modules = axe ? "import playwright.sync_api, axe_playwright_python" : "import playwright.sync_api"
        let probe = try BrowserEndToEndTests.run("/usr/bin/env", ["python3", "-c", modules])
        try #require(
            probe.status == 0,
            "Python Playwright\(axe ? " or axe" : "") is missing; \(BrowserEndToEndTests.install)\n\(probe.output)")
    }
}

extension ServedProcess {
    /// The demo users' passwords by e-mail, from the lines `--demo` printed (`  ROLE EMAIL  password: …`).
    var demoPasswords: [String: String] {
        Dictionary(
            printed.split(separator: "\n").compactMap { line -> (String, String)? in
                let words = line.split(separator: " ")
                guard words.count >= 4, words[2] == "password:" else { return nil }
                return (String(words[1]), String(words[3]))
            }, uniquingKeysWith: { first, _ in first })
    }
}
