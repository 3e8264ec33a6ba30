import Foundation
import GlocalCore
import GlocalStore
import GlocalYAML
import Testing

/// The calendar in a real headless Chromium against `glocal serve --demo` (Tests/e2e/calendar_moves.py):
/// month and week grids on a desktop and a 390 px phone (screenshots in test-artifacts/e2e/), a move
/// by the form (after a refused one) and a move by drag and drop, both stored and audited.
struct CalendarBrowserTests {
    /// The first slot `SlotMoveCheck` accepts for `variant` among `candidates` (day, time), given the store.
    static func freeSlot(
        _ variant: StoredVariant, store: SQLiteVariantStore, workspace: Workspace, now: Date,
        candidates: [(LocalDate, LocalTime)]
    ) throws -> (LocalDate, LocalTime)? {
        let scheduler = Scheduler(workspace: workspace)
        let campaign = try #require(workspace.campaigns.first { $0.id.value == variant.campaignID })
        let planned = try #require(VariantExpander(workspace: workspace).expand(campaign).variants.first { $0.id == variant.id })
        let others = try store.allVariants()
        return candidates.first { date, time in
            let result = SlotMoveCheck(scheduler: scheduler).check(
                planned, current: variant, to: date, at: time, others: others, now: now)
            if case .success = result { return true }
            return false
        }
    }

    @Test(.timeLimit(.minutes(6))) func aManagerMovesOnePostByTheFormAndAnotherByDragging() async throws {
        try BrowserPrerequisites.require()

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("glocal.sqlite").path
        let server = try ServedProcess(arguments: [
            "--demo", "--workspace", ServerFixture.root.path, "--database", database, "--now", "2026-11-21T09:00:00Z",
        ])
        defer { server.stop() }
        let base = try await server.waitUntilReady()
        let passwords = server.demoPasswords
        let manager = "claire.martin@lumiere.example"

        let store = try SQLiteVariantStore(path: database)
        let workspace = ServerFixture.workspace
        let now = try Date("2026-11-22T00:00:00Z", strategy: .iso8601)
        let pending = try store.variants(in: .pendingApproval).filter { $0.scheduledAt != nil }
        let byForm = try #require(pending.first { $0.accountID == "lumiere-fr-x" })
        let byDrag = try #require(pending.first { $0.accountID == "lumiere-fr-bluesky" })
        let formLocal = try #require(byForm.localTime), dragLocal = try #require(byDrag.localTime)
        let formDay = try #require(LocalDate(iso: String(formLocal.prefix(10))))
        let dragDay = try #require(LocalDate(iso: String(dragLocal.prefix(10))))
        let dragTime = try #require(LocalTime(text: String(dragLocal.dropFirst(11))))

        // The form: a day of the same month, at minutes a window allows, that breaks no rule.
        let month = CalendarPeriod(kind: .month, anchor: formDay)
        let formCandidates = month.days.filter { month.contains($0) && $0 != formDay }.flatMap { day in
            [10, 11, 13, 14].map { hour in (day, LocalTime(hour: hour, minute: 17)!) }
        }
        let formSlot = try #require(
            try Self.freeSlot(byForm, store: store, workspace: workspace, now: now, candidates: formCandidates))
        // The drag keeps the time of day: another day of the same week.
        let week = CalendarPeriod(kind: .week, anchor: dragDay)
        let dragSlot = try #require(
            try Self.freeSlot(
                byDrag, store: store, workspace: workspace, now: now,
                candidates: week.days.filter { $0 != dragDay }.map { ($0, dragTime) }))

        let config: [String: Any] = [
            "base": base, "artifacts": ServerFixture.root.appendingPathComponent("test-artifacts/e2e").path,
            "user": [manager, try #require(passwords[manager])], "account": byForm.accountID,
            "month": month.start.description,
            "form": ["variant": byForm.id, "date": formSlot.0.description, "time": formSlot.1.description],
            "drag": [
                "variant": byDrag.id, "account": byDrag.accountID, "from": dragDay.description, "to": dragSlot.0.description,
                "time": dragTime.description,
            ],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let script = ServerFixture.root.appendingPathComponent("Tests/e2e/calendar_moves.py").path
        let result = try BrowserEndToEndTests.run("/usr/bin/env", ["python3", script, json])
        #expect(result.status == 0, "the browser flow failed:\n\(result.output)\nserver:\n\(server.printed)")

        let formed = try #require(try store.variant(byForm.id))
        #expect(formed.localTime == "\(formSlot.0) \(formSlot.1)" && SlotMoveCheck.isPinned(formed.explanation))
        let dragged = try #require(try store.variant(byDrag.id))
        #expect(dragged.localTime == "\(dragSlot.0) \(dragTime)")
        // `glocal apply` again: both moved slots are pinned and stay where the manager put them.
        let apply = try BrowserEndToEndTests.run(
            try ServedProcess.executable().path,
            ["apply", "--workspace", ServerFixture.root.path, "--database", database, "--now", "2026-11-21T09:00:00Z"])
        #expect(apply.status == 0, "apply failed:\n\(apply.output)")
        #expect(try store.variant(byForm.id)?.scheduledAt == formed.scheduledAt)
        #expect(try store.variant(byDrag.id)?.scheduledAt == dragged.scheduledAt)
        for (variant, note) in [(byForm, "shop event"), (byDrag, "dragged in the calendar")] {
            let moves = try store.auditEvents(variant: variant.id).filter { $0.action == .update && $0.actor == manager }
            #expect(moves.count == 1 && moves.first?.reason?.hasSuffix(note) == true, "\(variant.id): \(moves)")
        }
    }
}
