/// Why a backup or restore was refused or failed; nothing was changed.
public struct StoreBackupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in one line.
    public let message: String
    /// Creates an error.
    public init(message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
