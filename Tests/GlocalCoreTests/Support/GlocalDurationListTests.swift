import Testing

@testable import GlocalCore

/// Comma-separated durations, as `glocal metrics --checkpoints` reads them.
@Suite struct GlocalDurationListTests {
    @Test func readsEachPartInOrder() {
        #expect(GlocalDuration.list("1h,24h,7d")?.map(\.seconds) == [3_600, 86_400, 604_800])
        #expect(GlocalDuration.list(" 15m , 30s")?.map(\.seconds) == [900, 30])
        #expect(GlocalDuration.list("1d12h")?.map(\.seconds) == [129_600])
    }

    @Test func refusesAnEmptyListABadPartOrAZeroDuration() {
        for text in ["", ",", "1h,x", "h", "5", "0h", "1h,0m", "-1h", "1y"] {
            #expect(GlocalDuration.list(text) == nil, "\(text)")
        }
    }
}
