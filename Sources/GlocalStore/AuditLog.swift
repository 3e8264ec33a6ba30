import Foundation
import GRDB
import GlocalCore

/// Reads and appends `audit_event` rows; the table's triggers refuse any update or delete.
enum AuditLog {
    /// Appends one event inside the caller's transaction; `node` is the dispatcher node that wrote it, if one did.
    static func append(
        _ db: Database, at: Date, actor: String, variantID: String, action: AuditEvent.Action,
        before: StoredVariant?, beforeState: VariantState?, after: StoredVariant?, afterState: VariantState?,
        reason: String? = nil, node: String? = nil
    ) throws {
        try append(
            db, timestamp: StoreTimestamp.string(from: at), actor: actor, variantID: variantID, action: action,
            before: before, beforeState: beforeState, after: after, afterState: afterState, reason: reason, node: node)
    }

    /// Appends one event at an instant already formatted by `StoreTimestamp` (a plan formats it once).
    static func append(
        _ db: Database, timestamp: String, actor: String, variantID: String, action: AuditEvent.Action,
        before: StoredVariant?, beforeState: VariantState?, after: StoredVariant?, afterState: VariantState?,
        reason: String? = nil, node: String? = nil
    ) throws {
        var inserter = BatchInserter(db: db, table: "audit_event", columns: columns + ["node_id"], batchSize: 1)
        let values = row(
            timestamp: timestamp, actor: actor, variantID: variantID, action: action, before: before,
            beforeState: beforeState, after: after, afterState: afterState, reason: reason)
        _ = inserter.add(values + [.text(node)], label: variantID)
        try inserter.flush { _, error in error }
    }

    /// The columns `row` fills (a plan's events: no node wrote them, so `node_id` stays NULL).
    static let columns = ["at", "actor", "variant_id", "action", "from_state", "to_state", "before", "after", "reason"]

    /// The values of one event, in `columns` order.
    static func row(
        timestamp: String, actor: String, variantID: String, action: AuditEvent.Action,
        before: StoredVariant?, beforeState: VariantState?, after: StoredVariant?, afterState: VariantState?,
        reason: String? = nil
    ) -> [SQLValue] {
        let beforeJSON = before.map { AuditSnapshot($0, state: beforeState ?? $0.state).json() }
        let afterJSON = after.map { AuditSnapshot($0, state: afterState ?? $0.state).json() }
        return [
            .text(timestamp), .text(actor), .text(variantID), .text(action.rawValue), .text(beforeState?.rawValue),
            .text(afterState?.rawValue), .text(beforeJSON), .text(afterJSON), .text(reason),
        ]
    }

    /// The events of `variantID` (or all), oldest first.
    static func events(_ db: Database, variantID: String?) throws -> [AuditEvent] {
        let rows: [Row]
        if let variantID {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_event WHERE variant_id = ? ORDER BY id", arguments: [variantID])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_event ORDER BY id")
        }
        return try rows.map(event(from:))
    }

    /// Runs `body`, turning an SQLite error into a `VariantStoreError` that names the variant and the
    /// action but carries neither the statement's arguments nor its SQL.
    static func wrapping<T>(_ action: AuditEvent.Action, _ variantID: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            let message = error.message ?? "SQLite error \(error.extendedResultCode.rawValue)"
            throw VariantStoreError.statementFailed(action: action.rawValue, variantID: variantID, message: message)
        }
    }

    /// Reads one `SELECT * FROM audit_event` row.
    static func event(from row: Row) throws -> AuditEvent {
        let variantID: String = row["variant_id"]
        func value<T: RawRepresentable>(_ column: String) throws -> T? where T.RawValue == String {
            guard let raw: String = row[column] else { return nil }
            guard let value = T(rawValue: raw) else {
                throw VariantStoreError.unreadableRow(variantID: variantID, column: "audit_event.\(column)", value: raw)
            }
            return value
        }
        let at: String = row["at"]
        guard let date = StoreTimestamp.date(from: at) else {
            throw VariantStoreError.unreadableRow(variantID: variantID, column: "audit_event.at", value: at)
        }
        guard let action: AuditEvent.Action = try value("action") else {
            throw VariantStoreError.unreadableRow(variantID: variantID, column: "audit_event.action", value: "")
        }
        return AuditEvent(
            id: row["id"], at: date, actor: row["actor"], variantID: variantID, action: action,
            fromState: try value("from_state"), toState: try value("to_state"), before: row["before"], after: row["after"],
            reason: row["reason"], node: row["node_id"])
    }
}
