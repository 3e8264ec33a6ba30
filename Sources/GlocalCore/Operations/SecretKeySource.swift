/// Where the service reads the key that seals account credentials.
public enum SecretKeySource: Sendable, Equatable {
    /// `GLOCAL_SECRET_KEY` holds the key itself (it wins over the file's `secret_key`).
    case keyInEnvironment
    /// The file's `secret_key.env`: the variable of this name holds the key.
    case environment(String)
    /// The file's `secret_key.file`: this file holds the key.
    case file(String)
    /// The default: `secret.key` beside the store, created on first use.
    case besideStore
}
