import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// Reads and appends `audit_event` and `account_audit_event` rows; triggers refuse any change or removal.
enum PostgresAuditLog {
    /// Appends one variant event inside `transaction`.
    static func append(
        _ transaction: PostgresTransaction, at: Date, actor: String, variantID: String, action: AuditEvent.Action,
        before: StoredVariant?, beforeState: VariantState?, after: StoredVariant?, afterState: VariantState?,
        reason: String? = nil, node: String? = nil
    ) throws {
        let beforeJSON = before.map { PostgresAuditSnapshot.json($0, state: beforeState ?? $0.state) }
        let afterJSON = after.map { PostgresAuditSnapshot.json($0, state: afterState ?? $0.state) }
        try transaction.execute(
            """
            INSERT INTO audit_event (at, actor, variant_id, action, from_state, to_state, before, after, reason, node_id)
            VALUES (\(at), \(actor), \(variantID), \(action.rawValue), \(beforeState?.rawValue), \(afterState?.rawValue),
                \(beforeJSON), \(afterJSON), \(reason), \(node))
            """)
    }

    /// Appends one account event inside `transaction`.
    static func appendAccount(
        _ transaction: PostgresTransaction, at: Date, actor: String, accountID: String?, action: AccountAuditEvent.Action,
        reason: String? = nil, clearedHold: String? = nil, node: String? = nil
    ) throws {
        try transaction.execute(
            """
            INSERT INTO account_audit_event (at, actor, account_id, action, reason, cleared_hold, node_id)
            VALUES (\(at), \(actor), \(accountID), \(action.rawValue), \(reason), \(clearedHold), \(node))
            """)
    }

    /// The columns `event(from:)` reads.
    static let columns = "id, at, actor, variant_id, action, from_state, to_state, before, after, reason, node_id"
    /// How many they are: the index of a column a query selects after them.
    static let columnCount = columns.split(separator: ",").count

    /// Reads one variant event.
    static func event(from row: PostgresRandomAccessRow) throws -> AuditEvent {
        try PostgresFailure.decoding {
            let variantID = try row[3].decode(String.self)
            func state(_ index: Int) throws -> VariantState? {
                guard let raw = try row[index].decode(String?.self) else { return nil }
                guard let state = VariantState(rawValue: raw) else {
                    throw VariantStoreError.unreadableRow(variantID: variantID, column: "audit_event.state", value: raw)
                }
                return state
            }
            let raw = try row[4].decode(String.self)
            guard let action = AuditEvent.Action(rawValue: raw) else {
                throw VariantStoreError.unreadableRow(variantID: variantID, column: "audit_event.action", value: raw)
            }
            return AuditEvent(
                id: try row[0].decode(Int64.self), at: try row[1].decode(Date.self), actor: try row[2].decode(String.self),
                variantID: variantID, action: action, fromState: try state(5), toState: try state(6),
                before: try row[7].decode(String?.self), after: try row[8].decode(String?.self),
                reason: try row[9].decode(String?.self), node: try row[10].decode(String?.self))
        }
    }

    /// The columns `accountEvent(from:)` reads.
    static let accountColumns = "id, at, actor, account_id, action, reason, cleared_hold, node_id"

    /// Reads one account event.
    static func accountEvent(from row: PostgresRandomAccessRow) throws -> AccountAuditEvent {
        try PostgresFailure.decoding {
            let account = try row[3].decode(String?.self)
            let raw = try row[4].decode(String.self)
            guard let action = AccountAuditEvent.Action(rawValue: raw) else {
                throw VariantStoreError.unreadableRow(
                    variantID: account ?? "every account", column: "account_audit_event.action", value: raw)
            }
            return AccountAuditEvent(
                id: try row[0].decode(Int64.self), at: try row[1].decode(Date.self), actor: try row[2].decode(String.self),
                accountID: account, action: action, reason: try row[5].decode(String?.self),
                clearedHold: try row[6].decode(String?.self), node: try row[7].decode(String?.self))
        }
    }
}
