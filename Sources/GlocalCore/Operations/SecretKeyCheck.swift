import Foundation

/// Whether the secret key that seals account credentials can be used where the service reads it from, decided from
/// what was found there: the same decision for `glocal config check`, `serve` and `run`, so the check never passes a
/// key the service then refuses. The key is base64 of 32 bytes; a file holding it must be its owner's only (0600).
public enum SecretKeyCheck {
    /// Where the key is read from, as messages name it.
    public enum Place: Sendable, Equatable {
        /// `GLOCAL_SECRET_KEY`, or the variable `secret_key.env` names.
        case variable(String)
        /// `secret_key.file`, as written (it must exist).
        case configuredFile(String)
        /// The default key file (beside a SQLite store, or in the workspace): made on first use when missing.
        case defaultFile(String)
    }

    /// What was found there.
    public enum Found: Sendable, Equatable {
        /// The variable's value, or the file's text (never printed).
        case text(String, mode: Int?)
        /// No such file.
        case noFile
        /// Something that is not a regular file (`a folder`, `a named pipe (FIFO)`…).
        case notAFile(String)
        /// The file could not be read, and why.
        case unreadable(String)
    }

    /// Why the key cannot be used; each says where and what to do, and never holds the key.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The text is not base64 of 32 bytes.
        case notAKey(Place)
        /// `secret_key.file` does not exist.
        case missing(String)
        /// The file may be read by others than its owner.
        case tooOpen(Place, mode: Int)
        /// The path is not a regular file.
        case notAFile(Place, kind: String)
        /// The file could not be read.
        case unreadable(Place, reason: String)

        /// One sentence: where, what is wrong, what to do.
        public var description: String {
            switch self {
            case .notAKey(let place):
                return "\(Self.name(place)) does not hold a base64 key of 32 bytes: give the key the store's credentials "
                    + "were sealed with, or a new one (head -c 32 /dev/urandom | base64)"
            case .missing(let path):
                return "secret_key.file \(path) does not exist: put the key there (base64 of 32 bytes, mode 0600), "
                    + "the one the store's credentials were sealed with or a new one (head -c 32 /dev/urandom | base64)"
            case .tooOpen(let place, let mode):
                return "\(Self.name(place)) has mode \(String(mode, radix: 8)) (others may read it): "
                    + "it must be 600 (chmod 600 \(Self.path(place)))"
            case .notAFile(let place, let kind): return "\(Self.name(place)) is \(kind), not a file holding the key"
            case .unreadable(let place, let reason): return "cannot read \(Self.name(place)): \(reason)"
            }
        }

        private static func name(_ place: Place) -> String {
            switch place {
            case .variable(let name): return name
            case .configuredFile(let path): return "secret_key.file \(path)"
            case .defaultFile(let path): return "the key file \(path)"
            }
        }

        private static func path(_ place: Place) -> String {
            switch place {
            case .variable(let name): return name
            case .configuredFile(let path), .defaultFile(let path): return path
            }
        }
    }

    /// The problem of the key found at `place`, or `nil` when it can be used (or, for the default file, is missing
    /// and will be made on first use).
    public static func problem(at place: Place, found: Found) -> Problem? {
        switch found {
        case .noFile:
            switch place {
            case .configuredFile(let path): return .missing(path)
            // A variable that is not set is reported where the setting is checked (`config.env-missing`).
            case .defaultFile, .variable: return nil
            }
        case .notAFile(let kind): return .notAFile(place, kind: kind)
        case .unreadable(let reason): return .unreadable(place, reason: reason)
        case .text(let text, let mode):
            if let mode, mode & 0o077 != 0 { return .tooOpen(place, mode: mode) }
            return key(in: text) == nil ? .notAKey(place) : nil
        }
    }

    /// The key's 32 bytes when `text` is their base64 (spaces and line breaks around it ignored).
    public static func key(in text: String) -> Data? {
        guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32
        else { return nil }
        return bytes
    }
}
