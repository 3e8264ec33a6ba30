import Crypto
import Foundation

/// The key that seals account credentials at rest (AES-256-GCM).
///
/// It comes from `GLOCAL_SECRET_KEY` (base64 of 32 bytes) when set, else from a key file next to the
/// store, created on first use with mode 0600. It is never written into the database.
public struct SecretKey: Sendable {
    /// The raw key (kept as bytes: `SymmetricKey` is not `Sendable`).
    private let bytes: Data
    private var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// The environment variable that holds the key, base64.
    public static let environmentVariable = "GLOCAL_SECRET_KEY"

    /// Why no key could be had.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The variable or file does not hold base64 of 32 bytes.
        case malformed(source: String)
        /// The key file is readable by others.
        case tooOpen(path: String, mode: Int)

        /// A one-line explanation.
        public var description: String {
            switch self {
            case .malformed(let source): return "\(source) does not hold a base64 key of 32 bytes"
            case .tooOpen(let path, let mode):
                return "key file \(path) has mode \(String(mode, radix: 8)); it must be 600 (chmod 600 \(path))"
            }
        }
    }

    /// A key from raw bytes (tests).
    public init(bytes: Data) throws {
        guard bytes.count == 32 else { throw Failure.malformed(source: "key") }
        self.bytes = bytes
    }

    /// The key from the environment, or from `file` (created with a random key, mode 0600, if missing).
    public static func load(environment: [String: String], file: URL) throws -> SecretKey {
        if let encoded = environment[environmentVariable] {
            guard let bytes = Data(base64Encoded: encoded.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32
            else { throw Failure.malformed(source: environmentVariable) }
            return try SecretKey(bytes: bytes)
        }
        let manager = FileManager.default
        if !manager.fileExists(atPath: file.path) {
            try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let fresh = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            guard
                manager.createFile(
                    atPath: file.path, contents: Data(fresh.base64EncodedString().utf8), attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path]) }
        }
        let mode = (try manager.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)?.intValue ?? 0
        guard mode & 0o077 == 0 else { throw Failure.tooOpen(path: file.path, mode: mode) }
        let text = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Data(base64Encoded: text), bytes.count == 32 else { throw Failure.malformed(source: file.path) }
        return try SecretKey(bytes: bytes)
    }

    /// The key of the store at `databasePath`: `GLOCAL_SECRET_KEY` if set, else `secret.key` beside
    /// the store file (created, mode 0600, on first use).
    public static func load(forStoreAt databasePath: String, environment: [String: String]) throws -> SecretKey {
        try load(
            environment: environment,
            file: URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("secret.key"))
    }

    /// A key for another purpose derived from this one with HKDF-SHA256 and `label` as its info (the media URL
    /// signer's), so this key itself is never used for that purpose and nothing derived from it opens credentials.
    public func derivedKey(label: String, byteCount: Int = 32) -> [UInt8] {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data(label.utf8), outputByteCount: byteCount)
            .withUnsafeBytes { Array($0) }
    }

    /// `plaintext` sealed (nonce, ciphertext and tag together), bound to `context` (the account id) so
    /// that a sealed value copied to another account's row does not open.
    public func seal(_ plaintext: Data, context: String) throws -> Data {
        try AES.GCM.seal(plaintext, using: key, authenticating: Data(context.utf8)).combined!
    }

    /// Opens what `seal` produced for the same `context`.
    public func open(_ sealed: Data, context: String) throws -> Data {
        try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key, authenticating: Data(context.utf8))
    }
}
