import Foundation
import GlocalCore

extension SQLiteVariantStore {
    /// What changed in variant `id` since `revision` was shown; `nil` if there is no such variant.
    public func changes(of id: String, since revision: VariantRevision) throws -> RevisionChanges? {
        try writer.read { db in
            guard let current = try Self.fetchVariant(db, id: id) else { return nil }
            return RevisionChanges(shown: revision, current: current, history: try AuditLog.events(db, variantID: id))
        }
    }
}
