import Foundation
import GlocalTestSupport
import Testing

/// Runs Tests/e2e/schedule_check.py — an independent recomputation of docs/scheduling.md with Python's
/// `zoneinfo` — over plans of the example workspace and of randomised workspaces around both daylight-saving
/// changes of 2027, and over a deliberately broken plan to show that it finds what is wrong.
@Suite(.serialized) struct ScheduleCheckTests {
    static let root = ValidateCommandTests.repositoryRoot
    static let script = root.appendingPathComponent("Tests/e2e/schedule_check.py")

    /// Plans `workspace` as of `now` into a JSON file of `scratch`; fails the test when the plan fails.
    static func plan(_ workspace: URL, now: String, scratch: URL) throws -> URL {
        let (status, json, errors) = try GlocalProcess.run(
            [
                "plan", "--format", "json", "--workspace", workspace.path, "--database",
                scratch.appendingPathComponent("plan.sqlite").path, "--now", now,
            ], in: scratch)
        #expect(status == 0, "glocal plan failed: \(errors)\(json.prefix(2000))")
        let file = scratch.appendingPathComponent("plan.json")
        try Data(json.utf8).write(to: file)
        return file
    }

    /// Runs the checker; its exit status and findings (one per line).
    static func check(_ workspace: URL, plan: URL, now: String) throws -> (Int32, [String]) {
        let run = try ChildProcess.run(
            executable: "/usr/bin/env",
            arguments: ["python3", script.path, "--workspace", workspace.path, "--plan", plan.path, "--now", now])
        return (run.status, run.output.split(separator: "\n").map(String.init))
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-schedule-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func exampleWorkspaceHasNoFinding() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let now = "2026-11-21T09:00:00Z"
        let plan = try Self.plan(Self.root, now: now, scratch: scratch)
        let (status, findings) = try Self.check(Self.root, plan: plan, now: now)
        #expect(findings.isEmpty, "\(findings.prefix(20).joined(separator: "\n"))")
        #expect(status == 0)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomisedWorkspacesHaveNoFinding(seed: UInt64) throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let workspace = scratch.appendingPathComponent("workspace")
        var generator = RandomScheduleWorkspace(seed: seed)
        try generator.write(to: workspace)
        let now = "2027-01-01T00:00:00Z"
        let plan = try Self.plan(workspace, now: now, scratch: scratch)
        let (status, findings) = try Self.check(workspace, plan: plan, now: now)
        #expect(findings.isEmpty, "seed \(seed): \(findings.prefix(20).joined(separator: "\n"))")
        #expect(status == 0)
        // The workspace is not trivial: it has posts on both sides of each change of 2027.
        let json = try String(contentsOf: plan, encoding: .utf8)
        #expect(json.components(separatedBy: "\"scheduledAt\"").count > 100)
        // Explicit times fell into a gap or a repeated hour, and the scheduler said so.
        #expect(json.contains("\"rule\" : \"dst\"") || json.contains("\"rule\":\"dst\""), "no post on a change's night")
    }

    /// A plan broken on purpose: quiet hours, the fleet limit, a shared minute between siblings, and a
    /// give-way claim that does not hold. Each is found.
    @Test func brokenPlanIsCaught() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let workspace = scratch.appendingPathComponent("workspace")
        var generator = RandomScheduleWorkspace(seed: 7)
        try generator.write(to: workspace)
        let now = "2027-01-01T00:00:00Z"
        let file = try Self.plan(workspace, now: now, scratch: scratch)
        var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var changes = try #require(root["changes"] as? [[String: Any]])
        /// Staggered (not explicit-time) variants of `network` whose account starts with `prefix`.
        func indices(_ network: String, prefix: String = "") -> [Int] {
            changes.indices.filter { index in
                let change = changes[index]
                return change["network"] as? String == network && change["post"] as? String != "timed"
                    && ((change["account"] as? String) ?? "").hasPrefix(prefix)
                    && (change["after"] as? [String: Any])?["scheduledAt"] != nil
            }
        }
        func move(_ index: Int, to instant: String, claim: Bool = false) {
            var after = changes[index]["after"] as? [String: Any] ?? [:]
            after["scheduledAt"] = instant
            after.removeValue(forKey: "localTime")
            if claim { after["explanation"] = [["rule": "spread", "detail": "sibling-gap gave way (made up)"]] }
            changes[index]["after"] = after
        }
        // Quiet hours: 00:10 in Kolkata (the generated workspace is quiet from 23:00 to 00:30).
        let kolkata = try #require(indices("x", prefix: "in-").first)
        move(kolkata, to: "2027-03-16T18:40:00Z")
        // Six Bluesky posts in six minutes: the fleet limit is at most 5 in any 10 minutes.
        for (offset, index) in indices("bluesky").prefix(6).enumerated() { move(index, to: "2027-03-17T10:1\(offset + 1):00Z") }
        // Two Paris X accounts in one minute, one claiming the spread gave way while the day had room.
        let paris = indices("x", prefix: "fr-")
        let first = try #require(paris.first)
        let second = try #require(paris.first { changes[$0]["account"] as? String != changes[first]["account"] as? String })
        move(first, to: "2027-03-16T09:13:00Z")
        move(second, to: "2027-03-16T09:13:00Z", claim: true)
        root["changes"] = changes
        let broken = scratch.appendingPathComponent("broken.json")
        try JSONSerialization.data(withJSONObject: root).write(to: broken)
        let (status, findings) = try Self.check(workspace, plan: broken, now: now)
        #expect(status == 1)
        let text = findings.joined(separator: "\n")
        for rule in ["[quiet-hours]", "[fleet-limit]", "[same-minute]", "[sibling-gap]", "[spread]"] {
            #expect(text.contains(rule), "expected a \(rule) finding in:\n\(text.prefix(3000))")
        }
        #expect(findings.contains { $0.hasPrefix(changes[kolkata]["id"] as! String) && $0.contains("[quiet-hours]") })
    }
}
