import Foundation
import GlocalCore
import GlocalNotify
import GlocalStore

/// A small workspace (two teams), a store file with manager users, and instants around 08:00 in Paris.
enum NotifyFixture {
    /// 2026-12-01 06:30 UTC: 07:30 in Paris, before the digest hour.
    static let beforeEight = date("2026-12-01T06:30:00Z")
    /// 2026-12-01 07:05 UTC: 08:05 in Paris.
    static let afterEight = date("2026-12-01T07:05:00Z")

    static func date(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    static func located<T: Sendable>(_ value: T) -> Located<T> {
        Located(value, at: SourceLocation(file: "glocal.yaml", line: 1, column: 1))
    }

    /// Team `france` (claire, hugo) covers `lumiere-fr-*`; team `corporate` (amelie) covers `lumiere-global-*`.
    static let workspace: Workspace = {
        let teams = [
            Team(
                id: located("france"), accountPatterns: [located("lumiere-fr-*")],
                managers: [located("claire@lumiere.example"), located("Hugo@lumiere.example")]),
            Team(
                id: located("corporate"), accountPatterns: [located("lumiere-global-*")],
                managers: [located("amelie@lumiere.example")]),
        ]
        let accounts = [("lumiere-fr-x", Network.x), ("lumiere-fr-instagram", .instagram), ("lumiere-global-x", .x)].map {
            Account(
                id: located($0.0), network: $0.1, networkLocation: SourceLocation(file: "accounts.yaml", line: 1, column: 1),
                handle: $0.0, locale: located("fr-FR"), timeZone: located("Europe/Paris"))
        }
        return Workspace(
            settings: WorkspaceSettings(
                name: located("lumiere"), defaultLocale: located("en"), teams: teams,
                location: SourceLocation(file: "glocal.yaml", line: 1, column: 1)),
            accounts: accounts)
    }()

    /// A fresh store file with the three managers (hugo's digest and alerts off) and an admin.
    static func store(in folder: URL) throws -> SQLiteVariantStore {
        let store = try SQLiteVariantStore(path: folder.appendingPathComponent("glocal.sqlite").path)
        let users = UserStore(store: store, bcryptCost: 4)
        for email in ["claire@lumiere.example", "hugo@lumiere.example", "amelie@lumiere.example"] {
            _ = try users.add(email: email, role: .manager, password: "correct horse battery", now: beforeEight)
        }
        _ = try users.add(email: "admin@lumiere.example", role: .admin, password: "correct horse battery", now: beforeEight)
        try NotificationStore(store: store).setPreferences(
            NotificationPreferences(digest: false, alerts: false), for: "hugo@lumiere.example", now: beforeEight)
        return store
    }

    /// A variant of `account` in `state`, its slot at `slot`.
    static func variant(_ post: String, account: String, state: VariantState, slot: Date) -> StoredVariant {
        StoredVariant(
            id: "hydra/\(post)/\(account)", campaignID: "hydra", postID: post, accountID: account,
            network: account.hasSuffix("instagram") ? .instagram : .x, locale: "fr-FR", kind: .informative,
            text: "Hydra arrive à Paris : \(post)", title: nil, link: nil, linkPlacement: .none, media: [],
            contentHash: "hash-\(post)-\(account)", scheduledAt: slot, localTime: nil, timeZone: "Europe/Paris", live: false,
            state: state, explanation: [])
    }

    /// Stores `variants`.
    static func add(_ variants: [StoredVariant], to store: SQLiteVariantStore) throws {
        let plan = Plan(
            changes: variants.map {
                PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
            })
        try store.apply(plan, actor: "test", now: beforeEight.addingTimeInterval(-86_400))
    }

    /// Moves `id` from approved to failed, as the dispatcher does.
    static func fail(_ id: String, in store: SQLiteVariantStore, at now: Date) throws {
        try store.setState(id, to: .publishing, actor: "dispatcher", now: now)
        try store.setState(id, to: .failed, actor: "dispatcher", now: now)
    }

    /// SMTP settings for a loopback server.
    static func smtp(port: Int, username: String? = nil, password: String? = nil) throws -> SMTPSettings {
        try SMTPSettings(
            url: "smtp://127.0.0.1:\(port)", from: "glocal <noreply@lumiere.example>", username: username, password: password,
            timeout: 10)
    }

    /// A temporary folder, removed after `body`.
    static func withFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }
}
