import Foundation
import GlocalCore
import GlocalStore
import GlocalYAML

/// Load → validate → expand → schedule → diff with the store: what `plan`, `apply`, `explain`,
/// `calendar`, the demo and the benchmark share.
public struct PlanPipeline: Sendable {
    /// What one run of the pipeline found.
    public struct Result: Sendable {
        /// The workspace, validated.
        public var workspace: Workspace
        /// Every variant with its slot and why.
        public var scheduled: [ScheduledVariant]
        /// What `apply` would create, change or cancel.
        public var plan: Plan
        /// The store the plan was diffed against (in memory when the file does not exist yet and is not created).
        public var store: any VariantStore
        /// The store's generation the plan was diffed against: `apply` writes it only if unchanged.
        public var generation: StoreGeneration
        /// The workspace's files, for rendering diagnostics.
        public var sources: SourceFiles
        /// What engagement taught (empty until posts were published and measured).
        public var learned: LearnedTiming
        /// The stored variants the schedule was placed around (those outside the plan that keep their slot among them).
        public var stored: [StoredVariant] = []

        /// What `glocal explain` says of `item`'s spread, read among the posts the scheduler placed it around: the
        /// plan's, and the stored ones of campaigns that left the YAML but are published or in flight.
        public func spreadSummary(of item: ScheduledVariant) -> String {
            SpreadSummary.of(item, in: scheduled, stored: stored, workspace: workspace)
        }
    }

    /// The workspace and its store.
    public let access: WorkspaceAccess
    /// The planning instant: nothing is scheduled before it.
    public let now: Date
    /// Only `apply` creates the store; reading commands treat a missing store as an empty one.
    public var createsStore = false

    /// A pipeline for `access`'s workspace at `now`.
    public init(access: WorkspaceAccess, now: Date, createsStore: Bool = false) {
        self.access = access
        self.now = now
        self.createsStore = createsStore
    }

    /// Runs the pipeline. Validation errors stop it (`ValidationFailure`): a plan of a broken workspace would mislead.
    public func run() throws -> Result {
        let root = access.root
        let loaded = WorkspaceLoader(root: root).load()
        let report = WorkspaceValidator(media: FileMediaInspector(root: root)).validate(
            loaded.workspace, readingDiagnostics: loaded.diagnostics, fileCount: loaded.fileCount,
            unreadableFiles: loaded.unreadableFiles)
        guard let workspace = loaded.workspace, report.count(.error) == 0 else {
            let text = TextDiagnosticRenderer(sources: loaded.sources, showNotes: false).render(report)
            throw ValidationFailure(
                output: text + "glocal: the workspace has errors; fix them (glocal validate) before planning\n")
        }
        let store = try access.openStore(createsStore ? .createdIfMissing : .emptyIfMissing)
        let snapshot: StoreSnapshot
        do { snapshot = try store.snapshot() } catch {
            throw UseCaseError.storeUnopenable(path: access.storeDescription, StoreFailure(error))
        }
        let stored = snapshot.variants
        let learned = try LearnedTimingLoader(metrics: store.metrics, table: workspace.settings.timing, now: now).load()
        let (scheduled, diagnostics) = Self.schedule(
            Self.expand(workspace), in: workspace, learned: learned, stored: stored, notBefore: now)
        let plan = Self.plan(scheduled, in: workspace, stored: stored, diagnostics: diagnostics)
        return Result(
            workspace: workspace, scheduled: scheduled, plan: plan, store: store, generation: snapshot.generation,
            sources: loaded.sources, learned: learned, stored: stored)
    }

    /// Every variant of every campaign of `workspace`, campaigns expanded in parallel.
    public static func expand(_ workspace: Workspace) -> [PostVariant] {
        let expander = VariantExpander(workspace: workspace)
        return workspace.campaigns.concurrentMap { expander.expand($0).variants }.flatMap { $0 }
    }

    /// A slot for each of `variants`, keeping the `stored` variants' slots where they still obey every rule.
    public static func schedule(
        _ variants: [PostVariant], in workspace: Workspace, learned: LearnedTiming?, stored: [StoredVariant], notBefore: Date
    ) -> (scheduled: [ScheduledVariant], diagnostics: [Diagnostic]) {
        Scheduler(workspace: workspace, learned: learned).schedule(variants, stored: stored, notBefore: notBefore)
    }

    /// What to create, change or cancel so that the `stored` variants become the `scheduled` ones.
    public static func plan(
        _ scheduled: [ScheduledVariant], in workspace: Workspace, stored: [StoredVariant], diagnostics: [Diagnostic] = []
    ) -> Plan {
        Planner(workspace: workspace).plan(
            desired: scheduled, stored: stored, diagnostics: diagnostics + YouTubeQuotaPlanCheck().warnings(scheduled))
    }
}

/// Validation failed before a use case could do its job: the rendered diagnostics to print (exit status 1).
public struct ValidationFailure: Error, Sendable {
    /// The diagnostics and a closing line, as printed.
    public let output: String

    /// A failure that prints `output`.
    public init(output: String) { self.output = output }
}
