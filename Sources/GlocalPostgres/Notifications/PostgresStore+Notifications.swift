extension PostgresStore {
    /// The notification preferences and outbox in the same database.
    public var notifications: PostgresNotificationOutbox { PostgresNotificationOutbox(store: self) }
}
