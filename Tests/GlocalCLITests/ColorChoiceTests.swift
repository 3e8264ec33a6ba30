import Testing

@testable import glocal

/// `--color auto` as ci.md and no-color.org say: a terminal is coloured unless `NO_COLOR` holds a value or `TERM` is
/// `dumb`; `always` and `never` ignore both.
struct ColorChoiceTests {
    @Test func autoColoursATerminalOnly() {
        #expect(ColorChoice.auto.enabled(isTerminal: true, environment: [:]))
        #expect(!ColorChoice.auto.enabled(isTerminal: false, environment: [:]))
    }

    @Test func noColorCountsOnlyWithAValue() {
        #expect(!ColorChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(ColorChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!ColorChoice.auto.enabled(isTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test func alwaysAndNeverIgnoreTheEnvironment() {
        #expect(ColorChoice.always.enabled(isTerminal: false, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.never.enabled(isTerminal: true, environment: [:]))
    }
}
