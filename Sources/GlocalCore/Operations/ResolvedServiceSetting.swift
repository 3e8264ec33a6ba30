/// A service setting's effective value and where it came from.
public struct ResolvedServiceSetting: Sendable, Equatable {
    /// Which setting.
    public var key: ServiceSettingKey
    /// The value (`nil`: unset).
    public var value: String?
    /// Where the value came from.
    public var source: ServiceSettingSource

    /// Creates a resolved setting.
    public init(key: ServiceSettingKey, value: String?, source: ServiceSettingSource) {
        self.key = key
        self.value = value
        self.source = source
    }
}
