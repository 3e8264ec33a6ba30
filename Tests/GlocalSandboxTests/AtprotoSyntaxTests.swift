import Foundation
import Testing

/// The format checks the lexicon checker uses agree with every atproto interop test vector.
@Suite struct AtprotoSyntaxTests {
    static let formats: [(name: String, check: @Sendable (String) -> Bool)] = [
        ("did", AtprotoSyntax.isDID), ("handle", AtprotoSyntax.isHandle), ("tid", AtprotoSyntax.isTID),
        ("recordkey", AtprotoSyntax.isRecordKey), ("cid", AtprotoSyntax.isCIDSyntax), ("nsid", AtprotoSyntax.isNSID),
        ("datetime", AtprotoSyntax.isDatetime), ("aturi", AtprotoSyntax.isATURI),
    ]

    @Test(arguments: formats.map(\.name))
    func checkerAcceptsEveryValidVectorAndRejectsEveryInvalidOne(_ name: String) throws {
        let check = try #require(Self.formats.first { $0.name == name }).check
        let valid = try SpecFiles.vectors("\(name)_syntax_valid.txt")
        let invalid = try SpecFiles.vectors("\(name)_syntax_invalid.txt")
        #expect(!valid.isEmpty && !invalid.isEmpty)
        let rejected = valid.filter { !check($0) }
        let accepted = invalid.filter { check($0) }
        #expect(rejected.isEmpty, "valid \(name) vectors rejected: \(rejected)")
        #expect(accepted.isEmpty, "invalid \(name) vectors accepted: \(accepted)")
    }
}
