import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import GlocalYAML
import Testing

import GlocalUseCases

/// A workspace that pins Graph v21.0 (expiring 2027-01-21) with one Facebook post the day before and one the day
/// of the expiry: `validate` warns first, the replay publishes the first and the sandbox refuses the second as
/// the network does, which the dispatcher fails for good with a message naming the version and the date.
@Suite struct APIVersionSunsetReplayTests {
    static let page = "102938475610293"
    static let firstSlot = UTCTimestamp.date(from: "2027-01-20T09:00:00Z")!
    static let secondSlot = UTCTimestamp.date(from: "2027-01-21T09:00:00Z")!

    /// The workspace on disk; the caller removes it.
    static func workspace() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-sunset-\(UUID().uuidString)")
        let files: [String: String] = [
            "glocal.yaml": """
            workspace: sunset
            default_locale: en
            api_versions:
              facebook: "v21.0"
            teams:
              all: {accounts: ["*"], managers: [ops@sunset.example]}

            """,
            "accounts.yaml": """
            accounts:
              - id: sun-facebook
                network: facebook
                handle: "\(page)"
                locale: en
                timezone: Europe/Paris

            """,
            "locales/en.yaml": """
            locale: en
            strings:
              first: "First post, before Graph v21.0 expires"
              second: "Second post, after Graph v21.0 expired"

            """,
            "campaigns/across.yaml": """
            campaign: across
            kind: informative
            window: {start: 2027-01-20, end: 2027-01-22}
            targets: {accounts: [sun-facebook]}
            posts:
              - {id: first, day: 0, at: "10:00", text: first}
              - {id: second, day: 1, at: "10:00", text: second}

            """,
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    static func validate(_ root: URL, now: String) throws -> (output: String, exitCode: Int32) {
        try ValidationRun(
            paths: [], format: .text, strict: false, currentDirectory: root, now: UTCTimestamp.date(from: now)!
        ).execute()
    }

    @Test func validateWarnsBeforeTheSunsetAndErrsAfterIt() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try Self.validate(root, now: "2027-01-19T12:00:00Z")
        #expect(before.exitCode == 0, "\(before.output)")
        #expect(
            before.output.contains(
                "glocal.yaml:4:13: warning[api-version.sunsets-during-campaign]: facebook: Graph API v21.0 stops being served "
                    + "on 2027-01-21, and post 'second' of campaign 'across' falls on 2027-01-21 (account sun-facebook)"),
            "\(before.output)")
        #expect(before.output.contains("0 errors, 1 warning"), "\(before.output)")
        let after = try Self.validate(root, now: "2027-01-21T12:00:00Z")
        #expect(after.exitCode == 1)
        #expect(
            after.output.contains(
                "glocal.yaml:4:13: error[api-version.sunset]: facebook: Graph API v21.0 has been sunset since 2027-01-21"),
            "\(after.output)")
        #expect(!after.output.contains("sunsets-during-campaign"))
    }

    @Test func aReplayAcrossTheSunsetFailsTheWayProductionWould() async throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let loaded = WorkspaceLoader(root: root).load()
        let workspace = try #require(loaded.workspace)
        #expect(workspace.settings.apiVersions.name(.facebook) == "v21.0")
        let store = try SQLiteVariantStore.inMemory()
        let variants = [("first", Self.firstSlot), ("second", Self.secondSlot)].map { post, slot in
            StoredVariant(
                id: "across/\(post)/sun-facebook", campaignID: "across", postID: post, accountID: "sun-facebook",
                network: .facebook, locale: "en", kind: .informative, text: "\(post) post", title: nil, link: nil,
                linkPlacement: .none, media: [], contentHash: "hash-\(post)", scheduledAt: slot, localTime: nil,
                timeZone: "Europe/Paris", live: false, state: .approved, explanation: [])
        }
        let plan = Plan(
            changes: variants.map {
                PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
            })
        try store.apply(plan, actor: "test", now: Self.firstSlot.addingTimeInterval(-86_400))
        let credentials = StoredCredentials(
            secrets: store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 7, count: 32))))
        try await credentials.store(
            AccountCredentials(accessToken: "\(Self.page)~token", pageID: Self.page), for: "sun-facebook")
        let clock = SimulatedClock(Self.firstSlot)
        let sandbox = SandboxState(now: Self.firstSlot)
        try await SandboxServer(state: sandbox).withRunning { url in
            let dispatcher = DispatcherSetup.dispatcher(
                configuration: DispatchConfiguration(worker: "sunset-test", concurrency: 1), workspace: workspace, root: root,
                store: store, credentials: credentials, endpoints: .sandbox(baseURL: url), clock: { clock.now })
            let first = try await dispatcher.runOnce()
            #expect(first.map(\.outcome) == ["published"])
            #expect(try store.variant(variants[0].id)?.state == .published)

            clock.advance(by: 86_400)
            await sandbox.setNow(clock.now)
            let second = try await dispatcher.runOnce()
            #expect(second.map(\.outcome) == ["failed"])
            guard case .fail(let reason) = second.first?.resolution else {
                Issue.record("the refused version must fail for good: \(second)")
                return
            }
            #expect(reason.contains("v21.0") && reason.contains("2027-01-21"), "\(reason)")
            #expect(reason.contains("api_versions.facebook"), "\(reason)")
            #expect(try store.variant(variants[1].id)?.state == .failed)
            // Failed for good: a week later nothing is retried, and only the first post reached the network.
            clock.advance(by: 7 * 86_400)
            await sandbox.setNow(clock.now)
            #expect(try await dispatcher.runOnce().isEmpty)
            #expect(await sandbox.storedPosts(network: "facebook").filter { $0.kind == "post" }.count == 1)
        }
    }
}

/// Pins `validate` refuses at `--now`: a LinkedIn version not released yet.
@Suite struct APIVersionValidateTests {
    @Test func aLinkedInVersionNotReleasedAtNowIsAnError() throws {
        let root = try APIVersionSunsetReplayTests.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let settings = root.appendingPathComponent("glocal.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "  facebook: \"v21.0\"\n", with: "  facebook: \"v25.0\"\n  linkedin: \"202701\"\n")
            .write(to: settings, atomically: true, encoding: .utf8)
        try """
        accounts:
          - {id: sun-facebook, network: facebook, handle: "102938475610293", locale: en, timezone: Europe/Paris}
          - {id: sun-linkedin, network: linkedin, handle: sunset, locale: en, timezone: Europe/Paris}

        """.write(to: root.appendingPathComponent("accounts.yaml"), atomically: true, encoding: .utf8)
        let early = try APIVersionSunsetReplayTests.validate(root, now: "2026-12-05T00:00:00Z")
        #expect(
            early.output.contains(
                "glocal.yaml:5:13: error[api-version.invalid]: linkedin: LinkedIn API 202701 is not released yet at --now"),
            "\(early.output)")
        let released = try APIVersionSunsetReplayTests.validate(root, now: "2027-01-02T00:00:00Z")
        #expect(released.exitCode == 0, "\(released.output)")
        #expect(!released.output.contains("api-version"), "\(released.output)")
    }
}
