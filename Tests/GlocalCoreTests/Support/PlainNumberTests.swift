import Testing

@testable import GlocalCore

/// Numbers in workspace files: plain decimal only, never YAML 1.1's octal, hexadecimal, binary, `_` or base 60.
@Suite struct PlainNumberTests {
    @Test func plainDecimalWholeNumbersAreRead() {
        #expect(PlainNumber.integer("0") == 0)
        #expect(PlainNumber.integer("10") == 10)
        #expect(PlainNumber.integer("3650") == 3650)
        #expect(PlainNumber.integer("-1") == -1)
        #expect(PlainNumber.integer("+5") == 5)
    }

    @Test(arguments: [
        "010", "00", "0x10", "0o10", "0b101", "1_0", "1:00", "8:20", "1:40:00", "", "-", "1.0", "1e3", " 1", "１０",
        "99999999999999999999",
    ])
    func everyOtherFormIsNotAWholeNumber(_ text: String) {
        #expect(PlainNumber.integer(text) == nil)
    }

    @Test func plainDecimalNumbersAreRead() {
        #expect(PlainNumber.decimal("0.2") == 0.2)
        #expect(PlainNumber.decimal("1") == 1)
        #expect(PlainNumber.decimal("0") == 0)
        #expect(PlainNumber.decimal("0.125") == 0.125)
        #expect(PlainNumber.decimal("-0.5") == -0.5)
    }

    @Test(arguments: ["0x1p-3", ".5", "1.", "1e-1", "inf", "nan", "010.5", "1_0.5", "0.2.1", "0,2", "", "0x10"])
    func everyOtherFormIsNotANumber(_ text: String) {
        #expect(PlainNumber.decimal(text) == nil)
    }
}
