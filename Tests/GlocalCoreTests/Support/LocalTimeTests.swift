import Testing

@testable import GlocalCore

/// Times of day are written `HH:MM`, as docs/campaign-format.md says: two digits each.
@Suite struct LocalTimeTests {
    @Test func twoDigitsEachOrNothing() {
        #expect(LocalTime(text: "09:30")?.minutes == 570)
        #expect(LocalTime(text: "23:59")?.minutes == 1439)
        for text in ["9:30", "09:3", "009:30", "24:00", "23:60", "0930", "09:30:00", "٠٩:٣٠"] {
            #expect(LocalTime(text: text) == nil, "\(text)")
        }
    }

    @Test func postingWindowsToo() {
        #expect(TimeWindow(text: "Mon-Fri 9:00-13:00") == nil)
        #expect(TimeWindow(text: "Mon-Fri 09:00-13:00") != nil)
        #expect(TimeWindow(text: "daily 18:00-24:00") != nil)
    }
}
