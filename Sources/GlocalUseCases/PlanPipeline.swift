import Foundation
import GlocalCore
import GlocalStore
import GlocalYAML

/// Load → validate → expand → schedule → diff with the store: what `plan`, `apply`, `explain` and
/// `calendar` share.
struct PlanPipeline {
    struct Result {
        var workspace: Workspace
        var scheduled: [ScheduledVariant]
        var plan: Plan
        var store: SQLiteVariantStore
        /// The store's generation the plan was diffed against: `apply` writes it only if unchanged.
        var generation: StoreGeneration
        var sources: SourceFiles
        /// What engagement taught (empty until posts were published and measured).
        var learned: LearnedTiming
    }

    let root: URL
    let databasePath: String
    let now: Date
    /// Only `apply` creates the store; reading commands treat a missing store as an empty one.
    var createsStore = false

    /// Runs the pipeline. Validation errors stop it: a plan of a broken workspace would mislead.
    func run() throws -> Result {
        let loaded = WorkspaceLoader(root: root).load()
        let report = WorkspaceValidator(media: FileMediaInspector(root: root)).validate(
            loaded.workspace, readingDiagnostics: loaded.diagnostics, fileCount: loaded.fileCount,
            unreadableFiles: loaded.unreadableFiles)
        guard let workspace = loaded.workspace, report.count(.error) == 0 else {
            let text = TextDiagnosticRenderer(sources: loaded.sources, showNotes: false).render(report)
            throw ValidationFailure(
                output: text + "glocal: the workspace has errors; fix them (glocal validate) before planning\n")
        }
        let store: SQLiteVariantStore
        let snapshot: StoreSnapshot
        do {
            store =
                try createsStore || FileManager.default.fileExists(atPath: databasePath)
                ? SQLiteVariantStore(path: databasePath) : SQLiteVariantStore.inMemory()
            snapshot = try store.snapshot()
        } catch {
            throw CommandFailure(message: "cannot open the store \(databasePath): \(Self.describe(error))")
        }
        let stored = snapshot.variants
        let expander = VariantExpander(workspace: workspace)
        let variants = workspace.campaigns.concurrentMap { expander.expand($0).variants }.flatMap { $0 }
        let learned = try LearnedTimingLoader(store: store, table: workspace.settings.timing, now: now).load()
        let (scheduled, diagnostics) = Scheduler(workspace: workspace, learned: learned).schedule(
            variants, stored: stored, notBefore: now)
        let plan = Planner(workspace: workspace).plan(desired: scheduled, stored: stored, diagnostics: diagnostics)
        return Result(
            workspace: workspace, scheduled: scheduled, plan: plan, store: store, generation: snapshot.generation,
            sources: loaded.sources, learned: learned)
    }
}

extension PlanPipeline {
    /// A one-line reason for a store error, without framework noise.
    static func describe(_ error: any Error) -> String {
        if let localized = (error as? LocalizedError)?.errorDescription { return localized }
        let text = "\(error)"
        if let cut = text.range(of: " - while executing") { return String(text[..<cut.lowerBound]) }
        if let nsError = error as NSError?, nsError.domain == NSCocoaErrorDomain { return nsError.localizedDescription }
        return text
    }
}

/// Validation failed before a command could do its job: print the diagnostics, exit 1.
struct ValidationFailure: Error {
    let output: String
}
