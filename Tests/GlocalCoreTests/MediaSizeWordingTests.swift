import Testing

@testable import GlocalCore

/// How a file over a size limit is worded: in the limit's unit, or in bytes where both round alike, so a message
/// never says a file of "5.00 MB" is over a limit of "5.00 MB".
@Suite struct MediaSizeWordingTests {
    @Test func justOverTheLimitTheSizesAreInBytes() {
        let over = VariantRuleChecker.sizes(5_000_001, over: 5_000_000, unit: VariantRuleChecker.megabytes)
        #expect(over.size == "5 000 001 bytes" && over.limit == "5 000 000 bytes (5.00 MB)")
        let clear = VariantRuleChecker.sizes(6_200_000, over: 5_000_000, unit: VariantRuleChecker.megabytes)
        #expect(clear.size == "6.20 MB" && clear.limit == "5.00 MB")
        let video = VariantRuleChecker.sizes(4_000_000_001, over: 4_000_000_000, unit: VariantRuleChecker.fileSize)
        #expect(video.limit == "4 000 000 000 bytes (4.00 GB)")
    }
}
