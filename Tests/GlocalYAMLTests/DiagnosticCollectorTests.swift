import GlocalCore
import Testing

@testable import GlocalYAML

/// A file lists at most 1 000 diagnostics of one rule; the last one listed says how many more there were.
@Suite struct DiagnosticCollectorTests {
    @Test func aRuleOverTheLimitIsCutAndCountedWhileOthersStayWhole() {
        let collector = DiagnosticCollector()
        for index in 0..<1_500 {
            collector.error(
                .keyUnknown, "unknown key 'k\(index)'", at: SourceLocation(file: "c.yaml", line: index + 1, column: 1))
            if index % 500 == 0 {
                collector.warning(
                    .valueInvalid, "odd value \(index)", at: SourceLocation(file: "c.yaml", line: index + 1, column: 5))
            }
        }
        let diagnostics = collector.diagnostics
        let unknown = diagnostics.filter { $0.rule == DiagnosticRule.keyUnknown.id }
        #expect(unknown.count == DiagnosticCollector.listedPerRule)
        #expect(unknown.last?.message == "unknown key 'k999'")
        #expect(unknown.last?.notes == ["and 500 more key.unknown diagnostics in this file, not listed"])
        #expect(unknown.dropLast().allSatisfy { $0.notes.isEmpty })
        let others = diagnostics.filter { $0.rule == DiagnosticRule.valueInvalid.id }
        #expect(others.map(\.message) == ["odd value 0", "odd value 500", "odd value 1000"])
        #expect(others.allSatisfy { $0.notes.isEmpty })
        // In the order they were found.
        #expect(diagnostics.prefix(3).map(\.message) == ["unknown key 'k0'", "odd value 0", "unknown key 'k1'"])
    }

    @Test func exactlyTheLimitNeedsNoNote() {
        let collector = DiagnosticCollector()
        for index in 0..<DiagnosticCollector.listedPerRule {
            collector.error(.keyUnknown, "unknown key 'k\(index)'", at: nil)
        }
        #expect(collector.diagnostics.count == DiagnosticCollector.listedPerRule)
        #expect(collector.diagnostics.allSatisfy { $0.notes.isEmpty })
    }
}
