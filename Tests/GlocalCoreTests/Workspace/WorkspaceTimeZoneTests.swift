import Foundation
import Testing

@testable import GlocalCore

/// The one rule for an account's time zone: its own, else its locale's, else UTC.
@Suite struct WorkspaceTimeZoneTests {
    static let here = SourceLocation(file: "t.yaml", line: 1, column: 1)

    static func account(_ id: String, locale: String, zone: String? = nil) -> Account {
        Account(
            id: Located(id, at: here), network: .x, networkLocation: here, handle: "@\(id)",
            locale: Located(locale, at: here), timeZone: zone.map { Located($0, at: here) })
    }

    static let workspace = Workspace(
        settings: WorkspaceSettings(name: Located("w", at: here), defaultLocale: Located("fr", at: here), location: here),
        accounts: [],
        locales: [
            "fr": LocaleDefinition(
                id: Located("fr", at: here), timeZone: Located("Europe/Paris", at: here), file: "locales/fr.yaml"),
            "xx": LocaleDefinition(id: Located("xx", at: here), file: "locales/xx.yaml"),
        ])

    @Test func theAccountsOwnZoneWinsOverItsLocales() {
        let account = Self.account("a", locale: "fr", zone: "America/Toronto")
        #expect(Self.workspace.declaredTimeZoneID(of: account) == "America/Toronto")
        #expect(Self.workspace.timeZone(of: account).identifier == "America/Toronto")
    }

    @Test func withoutItsOwnZoneTheLocalesCounts() {
        let account = Self.account("a", locale: "fr")
        #expect(Self.workspace.timeZoneID(of: account) == "Europe/Paris")
        #expect(Self.workspace.timeZone(of: account).identifier == "Europe/Paris")
    }

    @Test func withNeitherTheAccountIsInUTCButDeclaresNothing() {
        for locale in ["xx", "missing"] {
            let account = Self.account("a", locale: locale)
            #expect(Self.workspace.declaredTimeZoneID(of: account) == nil)
            #expect(Self.workspace.timeZoneID(of: account) == "UTC")
            #expect(Self.workspace.timeZone(of: account).secondsFromGMT() == 0)
        }
    }

    @Test func anUnknownIdentifierReadsAsUTC() {
        let account = Self.account("a", locale: "fr", zone: "Mars/Olympus")
        #expect(Self.workspace.timeZoneID(of: account) == "Mars/Olympus")
        #expect(Self.workspace.timeZone(of: account) == TimeZone(identifier: "UTC")!)
    }

    @Test func aLocalesZoneDefaultsToUTC() {
        #expect(Self.workspace.timeZoneID(ofLocale: "fr") == "Europe/Paris")
        #expect(Self.workspace.timeZoneID(ofLocale: "xx") == "UTC")
        #expect(Self.workspace.timeZoneID(ofLocale: "missing") == "UTC")
    }
}
