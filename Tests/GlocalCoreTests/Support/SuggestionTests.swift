import Foundation
import Testing

@testable import GlocalCore

/// "Did you mean …?": which candidate is offered, and that a hostile name costs no more than its length.
@Suite struct SuggestionTests {
    @Test func aSlipOfOneToThreeCharactersFindsTheCandidate() {
        let zones = ["Europe/Paris", "Europe/Prague", "America/New_York"]
        #expect(Suggestion.closest(to: "Europe/Pars", in: zones) == "Europe/Paris")
        #expect(Suggestion.closest(to: "europe/paris", in: zones) == "Europe/Paris")
        #expect(Suggestion.closest(to: "America/NewYrok", in: zones) == "America/New_York")
        #expect(Suggestion.closest(to: "Asia/Tokyo", in: zones) == nil)
    }

    @Test func aTruncatedNameFindsTheCandidateItBegins() {
        #expect(Suggestion.closest(to: "lum-fr-insta", in: ["lum-fr-instagram", "lum-de-instagram"]) == "lum-fr-instagram")
    }

    @Test func theDistanceCountsEditsAndAdjacentSwaps() {
        #expect(Suggestion.editDistance("abc", "abcdef") == 3)
        #expect(Suggestion.editDistance("paris", "pairs") == 1)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }

    @Test func aNameLongerThanEveryCandidateByMoreThanTheAllowanceIsNeverOffered() {
        // Three edits at most are allowed, so a candidate four characters away in length cannot be offered.
        #expect(Suggestion.closest(to: "Europe/Parisxxxx", in: ["Europe/Paris"]) == nil)
        #expect(Suggestion.closest(to: "Europe/Parisxxx", in: ["Europe/Paris"]) == "Europe/Paris")
    }

    /// The fuzzer's finding: a locale whose `timezone` was 792 460 characters held `glocal validate` for minutes,
    /// an edit-distance table against each of the ~600 known zones. The length alone rules every zone out now.
    @Test(.timeLimit(.minutes(1))) func aHostileNameOfManyCharactersIsTurnedDownWithoutTheTable() {
        let name = String(repeating: "https://x.example/", count: 44_000)
        #expect(Suggestion.closest(to: name, in: TimeZone.knownTimeZoneIdentifiers) == nil)
        #expect(Suggestion.closest(to: name, in: TimeZone.knownTimeZoneIdentifiers + ["https://x.example/"]) == nil)
    }
}
