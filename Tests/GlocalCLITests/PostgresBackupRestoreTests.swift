import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore
import Testing

/// Issue #16, backups on PostgreSQL as docs/operations.md gives them: a store with published posts (written by the
/// real commands, in a `?schema=` of its own) is dumped with `pg_dump -Fc --schema`, restored with `pg_restore` into a
/// new database, and glocal pointed at the copy answers `pending`, `report` and `audit` as it did, publishes nothing
/// again, keeps its audit append-only and its id sequences past the copied rows, and opens the credentials only with
/// the key kept apart from the dump. With GLOCAL_REQUIRE_POSTGRES=1 a missing `pg_dump` fails it.
@Suite(.serialized, .enabled(if: PostgresTestEnvironment.enabled, "no PostgreSQL server (GLOCAL_TEST_POSTGRES_URL)"))
struct PostgresBackupRestoreTests {
    @Test func aDumpRestoredIntoANewDatabaseAnswersAsTheStoreDidAndPublishesNothingAgain() async throws {
        let server = try PostgresTestEnvironment.url()
        let schema = "backup_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let restoredDatabase = "restored_\(schema)"
        let url = server + (server.contains("?") ? "&" : "?") + "schema=\(schema)"
        let workspace = try RunNodesWorkspace(networks: [.mastodon, .bluesky], perNetwork: 1, database: url)
        defer { workspace.harness.tearDown() }
        let approved = try workspace.applyConnectAndApprove()
        try workspace.harness.startSandbox()
        let sandbox = workspace.harness.sandboxURL!.absoluteString
        let dispatch = ["dispatch", "--once", "--node-id", "node-a", "--sandbox", sandbox, "--now", RunNodesWorkspace.running]
        let published = try workspace.glocal(dispatch + ["--grace", "864000"])
        try #require(published.status == 0, "dispatch: \(published.error)")
        let posts = { try await workspace.harness.sandboxPosts().filter { $0["kind"] as? String == "post" }.count }
        try #require(try await posts() == approved.count, "the store to back up has its posts published")
        let reads = [["pending", "--now", RunNodesWorkspace.running], ["report"], ["audit"], ["account", "list"]]
        let before = try reads.map { try workspace.glocal($0) }

        let dump = workspace.harness.root.appendingPathComponent("glocal.dump").path
        try PostgresClientTools.run("pg_dump", ["-Fc", "--schema", schema, "--file", dump, "--dbname", server])
        let serverURL = try #require(URLComponents(string: server))
        var target = serverURL
        target.path = "/" + restoredDatabase
        try PostgresClientTools.run("createdb", ["--maintenance-db", server, restoredDatabase])
        try PostgresClientTools.run("pg_restore", ["--dbname", try #require(target.string), dump])
        let restoredServer = try #require(target.string)
        let restored = restoredServer + (restoredServer.contains("?") ? "&" : "?") + "schema=\(schema)"

        for (read, answer) in zip(reads, before) {
            let again = try workspace.glocal(read, store: restored)
            #expect(again.status == 0 && answer.status == 0, "\(read): \(again.error)")
            #expect(again.output == answer.output, "glocal \(read.joined(separator: " ")) differs on the restored store")
            #expect(read[0] == "pending" || !answer.output.isEmpty, "glocal \(read[0]) printed nothing to compare")
        }
        // Nothing is published again: every job stays completed, the sandbox holds the same posts.
        let replayed = try workspace.glocal(dispatch + ["--grace", "864000"], store: restored)
        #expect(replayed.status == 0, "dispatch on the copy: \(replayed.error)")
        #expect(try await posts() == approved.count, "a post went out again from the restored store")
        let copy = try PostgresStore(location: try PostgresLocation(url: restored), poolSize: 1)
        defer { copy.pool.close() }
        #expect(try copy.publishQueue.countsByState() == [.completed: approved.count])
        // The restored audit logs are still append-only, and new rows take ids past the restored ones.
        #expect(throws: PostgresStoreError.self) {
            try copy.pool.transaction { try $0.execute("DELETE FROM audit_event") }
        }
        let lastID = try copy.pool.transaction { try $0.value("SELECT max(id) FROM account_audit_event", as: Int64?.self) ?? nil }
        let paused = try workspace.glocal(["account", "pause", workspace.harness.accounts[0].id], store: restored)
        #expect(paused.status == 0, "pause on the copy: \(paused.error)")
        let newID = try copy.pool.transaction { try $0.value("SELECT max(id) FROM account_audit_event", as: Int64?.self) ?? nil }
        #expect((newID ?? 0) > (lastID ?? 0), "a new audit event after the restore: \(String(describing: newID))")
        // The key is not in the dump; the credentials open with it and only with it.
        let key = RunNodesWorkspace.key.base64EncodedString()
        #expect(try Data(contentsOf: URL(fileURLWithPath: dump)).range(of: Data(key.utf8)) == nil)
        let account = workspace.harness.accounts[0]
        let sealed = PostgresCredentialVault(store: copy, key: try SecretKey(bytes: RunNodesWorkspace.key))
        let opened = try #require(try sealed.secret(account: account.id), "the credentials were not restored")
        let token = try #require(account.credentials.firstMatch(of: /"access_token"\s*:\s*"([^"]+)"/)?.1)
        #expect(String(decoding: opened, as: UTF8.self).contains(token), "the restored credentials open with the key")
        let otherKey = PostgresCredentialVault(store: copy, key: try SecretKey(bytes: Data(repeating: 1, count: 32)))
        #expect(throws: (any Error).self) { try otherKey.secret(account: account.id) }
    }
}
