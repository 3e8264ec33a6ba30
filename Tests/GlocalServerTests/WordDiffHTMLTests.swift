import Foundation
import Testing

@testable import GlocalServer

/// A word diff as the preview, the stale-approval notice and the audit page show it.
struct WordDiffHTMLTests {
    @Test func eachSideMarksOnlyItsOwnChangeAndEscapesTheText() {
        let (old, new) = WordDiffHTML.sides(from: "Votre peau a soif <3", to: "Votre peau a faim <3")
        #expect(old.description == "Votre peau a <del>soif </del>&lt;3")
        #expect(new.description == "Votre peau a <ins>faim </ins>&lt;3")
    }

    @Test func inlineShowsWhatWentAndWhatCameInPlace() {
        let html = WordDiffHTML.inline(from: "Votre peau a soif", to: "Votre peau a faim")
        #expect(html.description == "Votre peau a <del>soif</del><ins>faim</ins>")
    }
}
