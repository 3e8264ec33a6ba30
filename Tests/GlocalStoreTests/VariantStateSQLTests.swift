import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The state lists every store's update guards use, derived from `VariantState`'s own rules.
struct VariantStateSQLTests {
    @Test func theGuardsListExactlyTheStatesTheirRulesName() {
        #expect(VariantStateSQL.untouchable == "('publishing', 'published', 'unknown')")
        #expect(VariantStateSQL.uncancellable == "('publishing', 'published', 'rejected', 'cancelled', 'failed', 'unknown')")
    }
}
