/// The append-only audit logs as their readers see them: every change of a variant's state or
/// content, and every pause, resume and (re)connection of an account. Rows are only ever added, by
/// the store's own writes; nothing here changes or removes one.
public protocol AuditTrail: Sendable {
    /// The events of `variant`, or every variant's, oldest first.
    func auditEvents(variant: String?) throws -> [AuditEvent]
    /// The events of `account` and the global ones (or every event without an account), oldest first.
    func accountAuditEvents(account: String?) throws -> [AccountAuditEvent]
    /// The newest variant events first, at most `limit`, of variants whose account passes `visible`.
    func recentAuditEvents(limit: Int, visible: (String) -> Bool) throws -> [AuditEvent]
    /// The newest account events first, at most `limit`, of accounts that pass `visible`, and the global ones.
    func recentAccountAuditEvents(limit: Int, visible: (String) -> Bool) throws -> [AccountAuditEvent]
}
