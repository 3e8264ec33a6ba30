import Foundation
import GlocalCore
import GlocalDispatch
import GlocalStore

/// (d) Prepares a workspace whose store holds `jobs` queued jobs, `due` of them due now and the rest
/// spread over the next week, with sealed credentials, for a `glocal dispatch` process to run on
/// (bench/dispatch.py measures its peak resident memory).
enum MemoryFixture {
    static func prepare(directory: URL, jobs: Int, due: Int) async throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory.appendingPathComponent("locales"), withIntermediateDirectories: true)
        let accounts = BenchStore.accounts(300)
        try "workspace: memory\nbrand: Bench\ndefault_locale: en\n".write(
            to: directory.appendingPathComponent("glocal.yaml"), atomically: true, encoding: .utf8)
        try "locale: en\nstrings:\n  hello: Hello\n".write(
            to: directory.appendingPathComponent("locales/en.yaml"), atomically: true, encoding: .utf8)
        var yaml = "accounts:\n"
        for account in accounts {
            yaml += "  - id: \(account.id)\n    network: \(account.network.rawValue)\n    handle: \(account.id)\n    locale: en\n"
        }
        try yaml.write(to: directory.appendingPathComponent("accounts.yaml"), atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent(".glocal/store.sqlite")
        let store = try SQLiteVariantStore(path: database.path)
        let now = Date()
        _ = try BenchStore.approve(jobs, accounts: accounts, in: store) { index in
            index < due ? now : now.addingTimeInterval(3_600 + 604_800 * Double(index) / Double(jobs))
        }
        try store.publishQueue.sync(now: now, grace: 900)
        let key = try SecretKey.load(
            environment: [:], file: database.deletingLastPathComponent().appendingPathComponent("secret.key"))
        let credentials = StoredCredentials(secrets: store.accountSecrets(key: key))
        for account in accounts { try await credentials.store(account.credentials, for: account.id) }
    }
}
