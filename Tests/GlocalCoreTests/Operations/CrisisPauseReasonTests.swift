import Testing

@testable import GlocalCore

/// The crisis pause's reason: required and at most 500 characters, trimmed, on the web and the command line alike.
struct CrisisPauseReasonTests {
    @Test func aReasonIsTrimmedAndNeedsWordsAndAtMost500Characters() {
        #expect(CrisisPauseReason.reading("  product recall \n") == .success(CrisisPauseReason(text: "product recall")))
        #expect(CrisisPauseReason.reading(" \t ") == .failure(.empty))
        #expect(CrisisPauseReason.reading(String(repeating: "é", count: 500)) != .failure(.tooLong(500)))
        #expect(CrisisPauseReason.reading(String(repeating: "é", count: 501)) == .failure(.tooLong(501)))
    }

    @Test func aReasonHoldingAControlCharacterIsRefusedNamingIt() {
        #expect(CrisisPauseReason.reading("recall\u{0}hidden") == .failure(.control("\u{0}")))
        #expect(CrisisPauseReason.reading("recall \u{1B}[31m") == .failure(.control("\u{1B}")))
        #expect(
            CrisisPauseReason.reading("recall\n\tsee the memo") == .success(CrisisPauseReason(text: "recall\n\tsee the memo")))
    }
}
