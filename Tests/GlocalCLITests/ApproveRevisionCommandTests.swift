import Foundation
import GRDB
import GlocalCore
import GlocalStore
import Testing

/// `glocal approve` names the revision reviewed (`ID@REVISION` or `--revision`): without one it is a
/// usage error saying how to get it; a changed variant is not approved and the error says what changed.
@Suite struct ApproveRevisionCommandTests {
    let now = "2026-11-21T09:00:00Z"
    let frX = "winter-tips/hydration/lum-fr-x"
    let frLinkedIn = "winter-tips/hydration/lum-fr-linkedin"

    func glocal(_ arguments: [String], in workspace: WorkspaceFixture) throws -> (Int32, String, String) {
        try GlocalProcess.run(arguments + ["--database", database(workspace), "--now", now], in: workspace.root)
    }

    func database(_ workspace: WorkspaceFixture) -> String { workspace.root.appendingPathComponent(".glocal/test.sqlite").path }

    func applied() throws -> WorkspaceFixture {
        let workspace = try WorkspaceFixture(overlay: nil)
        let (status, _, error) = try glocal(["apply"], in: workspace)
        #expect(status == 0, "\(error)")
        return workspace
    }

    @Test func withoutARevisionApproveIsAUsageErrorThatSaysWhereToFindIt() throws {
        let workspace = try applied()
        defer { workspace.remove() }
        let (status, _, error) = try glocal(["approve", frX], in: workspace)
        #expect(status == 2)
        #expect(error.contains("'\(frX)': name the revision you reviewed: glocal approve \(frX)@REVISION"))
        #expect(error.contains("(or --revision REVISION)"))
        #expect(error.contains("glocal pending prints each variant's revision"))
        let (several, _, usage) = try glocal(["approve", frX, frLinkedIn, "--revision", "0123456789abcdef"], in: workspace)
        #expect(several == 2 && usage.contains("for several, write each as ID@REVISION"))
        #expect(try SQLiteVariantStore(path: database(workspace)).variant(frX)?.state == .pendingApproval)
    }

    @Test func aRevisionShorterThanEightCharactersIsAUsageErrorNotAChange() throws {
        let workspace = try applied()
        defer { workspace.remove() }
        let hash = try #require(try SQLiteVariantStore(path: database(workspace)).variant(frX)).contentHash
        for arguments in [[frX + "@" + hash.prefix(7)], [frX, "--revision", String(hash.prefix(7))]] {
            let (status, _, error) = try glocal(["approve"] + arguments, in: workspace)
            #expect(status == 2, "\(error)")
            #expect(
                error.contains("revision '\(hash.prefix(7))' is too short: give the full revision as glocal pending prints it"))
            #expect(!error.contains("changed since"))
        }
        #expect(try SQLiteVariantStore(path: database(workspace)).variant(frX)?.state == .pendingApproval)
    }

    @Test func aPrefixThatAlsoStartsAnEarlierRevisionApprovesNothing() throws {
        let workspace = try applied()
        defer { workspace.remove() }
        let hash = try #require(try SQLiteVariantStore(path: database(workspace)).variant(frX)).contentHash
        // An earlier revision whose first 8 characters are the current one's (64-bit hashes rarely collide so; the
        // audit row stands in for an edit that did).
        let earlier = String(hash.prefix(8)) + (hash.hasSuffix("00000000") ? "11111111" : "00000000")
        try DatabaseQueue(path: database(workspace)).write { db in
            try db.execute(
                sql: """
                    INSERT INTO audit_event (at, actor, variant_id, action, before, after)
                    VALUES ('2026-11-21T08:00:00Z', 'test', ?, 'edit', json_object('content_hash', ?, 'text', 'then'),
                            json_object('content_hash', ?, 'text', 'now'))
                    """, arguments: [frX, earlier, hash])
        }
        let (status, _, error) = try glocal(["approve", frX + "@" + hash.prefix(8)], in: workspace)
        #expect(status == 1, "\(error)")
        #expect(error.contains("also starts an earlier revision") && error.contains("give the full revision"))
        #expect(try SQLiteVariantStore(path: database(workspace)).variant(frX)?.state == .pendingApproval)
        // The full revision names one: approved.
        let (full, output, _) = try glocal(["approve", frX + "@" + hash], in: workspace)
        #expect(full == 0 && output == "approved \(frX)@\(hash)\n")
    }

    @Test func pendingPrintsTheRevisionThatApproveTakes() throws {
        let workspace = try applied()
        defer { workspace.remove() }
        let store = try SQLiteVariantStore(path: database(workspace))
        let hash = try #require(try store.variant(frX)).contentHash
        let (_, pending, _) = try glocal(["pending"], in: workspace)
        #expect(pending.contains("\(frX)@\(hash)  slot "))
        let (_, json, _) = try glocal(["pending", "--format", "json"], in: workspace)
        #expect(json.contains("{\"id\":\"\(frX.replacingOccurrences(of: "/", with: "\\/"))\",\"revision\":\"\(hash)\","))
        let (status, output, _) = try glocal(["approve", frX, "--revision", String(hash.prefix(8))], in: workspace)
        #expect(status == 0 && output == "approved \(frX)@\(hash.prefix(8))\n")
        #expect(try store.variant(frX)?.state == .approved)
    }

    @Test func aChangedVariantIsNotApprovedAndTheErrorSaysWhatChanged() throws {
        let workspace = try applied()
        defer { workspace.remove() }
        let store = try SQLiteVariantStore(path: database(workspace))
        let seen = try #require(try store.variant(frX))
        let other = try #require(try store.variant(frLinkedIn))
        let edited = try store.edit(
            frX, text: "Hiver à Paris : buvez de l'eau.", linkPlacement: seen.linkPlacement, actor: "olivia@lumiere.example",
            now: Date()
        ) { _ in }
        let (status, output, error) = try glocal(
            ["approve", "\(frX)@\(seen.contentHash)", "\(frLinkedIn)@\(other.contentHash)"], in: workspace)
        #expect(status == 1)
        #expect(output == "approved \(frLinkedIn)@\(other.contentHash)\n")
        #expect(error.contains("'\(frX)' changed since revision \(seen.contentHash) was shown"))
        #expect(error.contains("(it is now revision \(edited.contentHash))"))
        #expect(error.contains("  edit by olivia@lumiere.example at "))
        #expect(error.contains("  text now:  \"Hiver à Paris : buvez de l'eau.\""))
        #expect(error.contains("current revision: \(edited.contentHash) (glocal approve \(frX)@\(edited.contentHash))"))
        #expect(try store.variant(frX)?.state == .pendingApproval)
        #expect(try store.variant(frLinkedIn)?.state == .approved)
    }
}
