import Dispatch
import Foundation
import GlocalCore

/// The rows of one chunk of a plan's creates, built on a background thread while the writer inserts
/// the previous chunk: building rows (JSON of the explanation and of the audit snapshot, text
/// values) is about a third of applying a large plan, SQLite the rest, and the two now overlap.
final class PreparedCreates: @unchecked Sendable {
    // Written once by the background block before `group` leaves; read only after `wait()`.
    private var rows: [PlanApplication.PreparedCreate?] = []
    private let group = DispatchGroup()

    /// How many changes a chunk holds: large enough to keep the background thread busy, small
    /// enough that a chunk's rows stay a few megabytes.
    static let chunkSize = 2_048

    /// Starts building the rows of `changes` in the background.
    init(_ changes: ArraySlice<PlanChange>, actor: String, timestamp: String) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            rows = changes.map { PlanApplication.prepare($0, actor: actor, timestamp: timestamp) }
            group.leave()
        }
    }

    /// The rows, one per change of the chunk (`nil` for a change that is not a create), once built.
    func wait() -> [PlanApplication.PreparedCreate?] {
        group.wait()
        return rows
    }
}
