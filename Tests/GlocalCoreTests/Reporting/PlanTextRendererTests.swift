import Foundation
import Testing

@testable import GlocalCore

/// `glocal plan`'s text: an update lists what was there (`-`) before what replaces it (`+`), as a diff reader expects.
struct PlanTextRendererTests {
    static func variant(text: String, title: String? = nil, localTime: String = "2026-12-01 09:15") -> StoredVariant {
        StoredVariant(
            id: "hydra/launch/lumiere-fr-x", campaignID: "hydra", postID: "launch", accountID: "lumiere-fr-x", network: .x,
            locale: "fr-FR", kind: .informative, text: text, title: title, link: nil, linkPlacement: .inline, media: [],
            contentHash: text, scheduledAt: nil, localTime: localTime, timeZone: "Europe/Paris", live: false,
            state: .approved, explanation: [])
    }

    @Test func aReplacedLineIsListedRemovedThenAdded() {
        let lines = PlanTextRenderer.diff(
            label: "text", "Bonjour\nVotre peau a soif ?\n#Hydra", "Bonjour\nVotre peau a faim ?\n#Hydra")
        #expect(
            lines == [
                "      text:", "          Bonjour", "        - Votre peau a soif ?", "        + Votre peau a faim ?",
                "          #Hydra",
            ])
    }

    @Test func severalReplacedLinesAreAllRemovedBeforeTheyAreAdded() {
        let lines = PlanTextRenderer.diff(label: "text", "a\nb\nc", "x\ny")
        #expect(lines == ["      text:", "        - a", "        - b", "        - c", "        + x", "        + y"])
        // A pure addition or removal keeps its place among the common lines.
        #expect(
            PlanTextRenderer.diff(label: "text", "a\nc", "a\nb\nc") == [
                "      text:", "          a", "        + b", "          c",
            ])
        #expect(
            PlanTextRenderer.diff(label: "text", "a\nb\nc", "a\nc") == [
                "      text:", "          a", "        - b", "          c",
            ])
        #expect(PlanTextRenderer.diff(label: "text", "same", "same").isEmpty)
    }

    @Test func anUpdateInThePlanShowsTheOldTextFirst() {
        let old = Self.variant(text: "Votre peau a soif ?", title: "Hydra")
        let new = Self.variant(text: "Votre peau a faim ?", title: "Hydra Glow")
        let plan = Plan(changes: [
            PlanChange(action: .update, id: old.id, desired: new, stored: old, contentChanged: true, timeChanged: false)
        ])
        let text = PlanTextRenderer().render(plan)
        #expect(
            text == """
                  ~ hydra/launch/lumiere-fr-x  (approved → pending_approval)
                      text:
                        - Votre peau a soif ?
                        + Votre peau a faim ?
                      title:
                        - Hydra
                        + Hydra Glow

                Plan: 0 to create, 1 to update, 0 to cancel, 0 unchanged.

                """)
    }
}
