import Foundation
import GlocalCore
import GlocalStore
import Testing

/// `glocal user`, `pending`, `approve`, `reject` and `audit` through the real binary, on a copy of
/// the golden base workspace (teams france: lum-fr-*, america: lum-us-*, lum-ca-*) and a real SQLite file.
@Suite struct ApprovalCommandTests {
    let now = "2026-11-21T09:00:00Z"
    let frX = "winter-tips/hydration/lum-fr-x"
    let usX = "winter-tips/hydration/lum-us-x"

    func glocal(_ arguments: [String], in workspace: WorkspaceFixture, input: String? = nil) throws -> (Int32, String, String) {
        try GlocalProcess.run(
            arguments + ["--database", workspace.root.appendingPathComponent(".glocal/test.sqlite").path, "--now", now],
            in: workspace.root, input: input)
    }

    func store(_ workspace: WorkspaceFixture) throws -> SQLiteVariantStore {
        try SQLiteVariantStore(path: workspace.root.appendingPathComponent(".glocal/test.sqlite").path)
    }

    /// `id@revision`, as `glocal pending` prints it and `glocal approve` takes it.
    func named(_ id: String, in workspace: WorkspaceFixture) throws -> String {
        "\(id)@\(try #require(try store(workspace).variant(id)).contentHash)"
    }

    func applied() throws -> WorkspaceFixture {
        let workspace = try WorkspaceFixture(overlay: nil)
        let (status, _, error) = try glocal(["apply"], in: workspace)
        #expect(status == 0, "\(error)")
        return workspace
    }

    @Test func usersAreAddedListedResetAndRemovedWithoutEchoingPasswords() throws {
        let workspace = try applied()
        defer { workspace.remove() }
        let (added, output, _) = try glocal(
            ["user", "add", "claire@lumiere.example", "--role", "manager", "--password-stdin"], in: workspace,
            input: "a secret password\n")
        #expect(added == 0 && output == "added claire@lumiere.example (manager)\n")
        let (_, generated, _) = try glocal(["user", "add", "ops@lumiere.example", "--role", "admin"], in: workspace)
        #expect(generated.contains("password: ") && generated.contains("shown once"))
        let (duplicate, _, error) = try glocal(
            ["user", "add", "claire@lumiere.example", "--role", "viewer", "--password-stdin"], in: workspace,
            input: "another password\n")
        #expect(duplicate == 2 && error.contains("a user 'claire@lumiere.example' exists already"))
        let (_, list, _) = try glocal(["user", "list"], in: workspace)
        #expect(list == "claire@lumiere.example  manager  teams: france\nops@lumiere.example  admin\n")
        let (_, reset, _) = try glocal(["user", "reset-password", "claire@lumiere.example"], in: workspace)
        #expect(reset.contains("password reset for claire@lumiere.example"))
        let (removed, _, _) = try glocal(["user", "remove", "ops@lumiere.example"], in: workspace)
        #expect(removed == 0)
        let (missing, _, gone) = try glocal(["user", "remove", "ops@lumiere.example"], in: workspace)
        #expect(missing == 2 && gone.contains("no user 'ops@lumiere.example'"))
    }

    @Test func aManagerApprovesAndRejectsOnlyTheirTeamsVariants() throws {
        let workspace = try applied()
        defer { workspace.remove() }
        _ = try glocal(
            ["user", "add", "claire@lumiere.example", "--role", "manager", "--password-stdin"], in: workspace,
            input: "a secret password\n")
        let (_, pending, _) = try glocal(["pending", "--as", "claire@lumiere.example"], in: workspace)
        #expect(pending.contains(frX) && !pending.contains(usX))
        #expect(pending.contains("approve by 2026-"))
        #expect(pending.contains(try named(frX, in: workspace) + "  slot "))
        let (refused, _, error) = try glocal(
            ["approve", try named(frX, in: workspace), try named(usX, in: workspace), "--as", "claire@lumiere.example"],
            in: workspace)
        #expect(refused == 1 && error.contains("you may not act on '\(usX)'"))
        let (rejectStatus, _, _) = try glocal(
            [
                "reject", "winter-tips/hydration/lum-fr-linkedin", "--reason", "Not for LinkedIn", "--as",
                "claire@lumiere.example",
            ], in: workspace)
        #expect(rejectStatus == 0)
        let (noReason, _, usage) = try glocal(["reject", frX, "--reason", " "], in: workspace)
        #expect(noReason == 2 && usage.contains("--reason must not be empty"))
        let (_, audit, _) = try glocal(["audit", "--variant", frX], in: workspace)
        #expect(audit.contains("claire@lumiere.example  approve  \(frX)  pending_approval -> approved"))
        let (_, json, _) = try glocal(["audit", "--format", "json"], in: workspace)
        #expect(json.contains("\"reason\":\"Not for LinkedIn\""))
        let store = try SQLiteVariantStore(path: workspace.root.appendingPathComponent(".glocal/test.sqlite").path)
        #expect(try store.variant(frX)?.state == .approved)
        #expect(try store.variant(usX)?.state == .pendingApproval)
    }

    @Test func pastItsDeadlineAVariantIsReportedAndCannotBeApproved() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write("glocal.yaml", replacing: "approval_deadline: 12h", with: "approval_deadline: 30d")
        _ = try glocal(["apply"], in: workspace)
        let (_, pending, _) = try glocal(["pending"], in: workspace)
        #expect(
            pending.contains("PAST DEADLINE: not approved 30d before its slot (the approval deadline): it will not be published"))
        let (status, _, error) = try glocal(["approve", try named(frX, in: workspace)], in: workspace)
        #expect(status == 1 && error.contains("passed its approval deadline"))
    }

    @Test func anAutoCampaignIsStoredApproved() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write(
            "campaigns/winter-tips.yaml", replacing: "kind: informative", with: "kind: informative\napproval: auto")
        _ = try glocal(["apply"], in: workspace)
        let store = try SQLiteVariantStore(path: workspace.root.appendingPathComponent(".glocal/test.sqlite").path)
        let variants = try store.allVariants()
        #expect(variants.filter { $0.campaignID == "winter-tips" }.allSatisfy { $0.state == .approved })
        #expect(variants.filter { $0.campaignID == "hydra-launch" }.allSatisfy { $0.state == .pendingApproval })
        let (_, pending, _) = try glocal(["pending"], in: workspace)
        #expect(!pending.contains("winter-tips/"))
    }
}
