/// The length of a text as one network counts it, against that network's limits.
public struct TextMeasurement: Sendable, Equatable, Codable {
    /// The network whose counting was used.
    public var network: Network
    /// The length in the network's own units (weighted characters on X, graphemes on Bluesky, ...).
    public var length: Int
    /// The network's maximum length in those units.
    public var limit: Int
    /// The text's size in UTF-8 bytes, when the network also limits bytes (Bluesky).
    public var bytes: Int?
    /// The byte limit, when the network has one.
    public var byteLimit: Int?
    /// Characters in the text that the network rejects, in order of appearance, without repeats.
    public var forbiddenCharacters: [Unicode.Scalar]

    /// Creates a measurement.
    public init(
        network: Network, length: Int, limit: Int, bytes: Int? = nil, byteLimit: Int? = nil,
        forbiddenCharacters: [Unicode.Scalar] = []
    ) {
        self.network = network
        self.length = length
        self.limit = limit
        self.bytes = bytes
        self.byteLimit = byteLimit
        self.forbiddenCharacters = forbiddenCharacters
    }

    /// Whether the text is empty (after trimming white space), which every network refuses.
    public var isEmpty: Bool { length == 0 }

    /// Whether the network would accept the text: not empty, within every limit, no forbidden character.
    public var isValid: Bool {
        !isEmpty && length <= limit && (bytes ?? 0) <= (byteLimit ?? Int.max) && forbiddenCharacters.isEmpty
    }

    private enum CodingKeys: String, CodingKey { case network, length, limit, bytes, byteLimit }

    /// Decodes the counts; forbidden characters are not part of the JSON shape.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        network = try c.decode(Network.self, forKey: .network)
        length = try c.decode(Int.self, forKey: .length)
        limit = try c.decode(Int.self, forKey: .limit)
        bytes = try c.decodeIfPresent(Int.self, forKey: .bytes)
        byteLimit = try c.decodeIfPresent(Int.self, forKey: .byteLimit)
        forbiddenCharacters = []
    }

    /// Encodes the counts.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(network, forKey: .network)
        try c.encode(length, forKey: .length)
        try c.encode(limit, forKey: .limit)
        try c.encodeIfPresent(bytes, forKey: .bytes)
        try c.encodeIfPresent(byteLimit, forKey: .byteLimit)
    }
}
