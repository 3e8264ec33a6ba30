import Foundation
import GlocalCore
import GlocalStore

/// `apply`'s use case: writes the plan into the store in one transaction, planning again when another
/// writer (an apply, a manager, the dispatcher publishing) changed the store while it planned.
public struct PlanApplier: Sendable {
    /// What an apply did.
    public enum Outcome: Sendable {
        /// The plan was written: `changed` variants.
        case applied(PlanPipeline.Result, changed: Int)
        /// Some variants cannot be scheduled (the plan's error diagnostics say why); nothing was written.
        case unschedulable(PlanPipeline.Result)
    }

    /// Plans computed before giving up when the store keeps changing (a busy dispatcher writes as it publishes).
    public static let maximumPlans = 5

    /// The pipeline that plans (it must create the store).
    public let pipeline: PlanPipeline

    /// An applier planning with `pipeline`.
    public init(pipeline: PlanPipeline) { self.pipeline = pipeline }

    /// Plans and writes the plan as `actor`; `replanning` hears each store change that made it plan again
    /// (how many audit events, by whom). Throws `UseCaseError.notApplied` when the store refuses or fails.
    public func apply(actor: String, replanning: (_ events: Int, _ actors: [String]) -> Void) throws -> Outcome {
        var result = try pipeline.run()
        var attempt = 1
        while true {
            if result.plan.diagnostics.contains(where: { $0.severity == .error }) { return .unschedulable(result) }
            do {
                let changed = try result.store.apply(
                    result.plan, basedOn: result.generation, actor: actor, now: pipeline.now)
                return .applied(result, changed: changed)
            } catch VariantStoreError.storeChanged(let events, let actors) where attempt < Self.maximumPlans {
                replanning(events, actors)
                attempt += 1
                result = try pipeline.run()
            } catch {
                throw UseCaseError.notApplied(StoreFailure(error))
            }
        }
    }
}
