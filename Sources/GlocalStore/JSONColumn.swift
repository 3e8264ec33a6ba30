import Foundation

/// Reads the JSON stored in TEXT columns (`JSONText` writes it).
enum JSONColumn {
    /// Decodes a JSON string.
    static func decode<T: Decodable>(_ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
