import Foundation

/// The revision of a variant that a person was shown, named when they approve or edit it.
///
/// It is the variant's content hash (`Planner.contentHash`: text, title, link, its placement and the
/// media), which names exactly the content an approval approves. A revision may be given whole or,
/// on the command line, as a prefix of at least `minimumPrefix` characters.
public struct VariantRevision: Sendable, Equatable, CustomStringConvertible {
    /// The shortest prefix of a content hash accepted as a revision.
    public static let minimumPrefix = 8

    /// The longest text taken as a revision (a content hash is 16 characters): a longer one names
    /// nothing, and is never echoed back.
    public static let maximumLength = 128

    /// The hash or prefix as given.
    public let value: String

    /// The revision `text` names, trimmed; `nil` if it is empty or longer than `maximumLength`.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= Self.maximumLength else { return nil }
        value = trimmed
    }

    /// The revision of a variant whose content hash is `contentHash`.
    public init(of contentHash: String) { value = contentHash }

    /// Whether this revision names the content whose hash is `contentHash`: the same hash, or a long
    /// enough prefix of it.
    public func names(_ contentHash: String) -> Bool {
        value == contentHash || (value.count >= Self.minimumPrefix && contentHash.hasPrefix(value))
    }

    /// The revision as printed and carried in forms.
    public var description: String { value }
}
