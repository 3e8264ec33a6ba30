import Foundation
import Testing

@testable import GlocalCore

/// The one way `collect-metrics` writes a checkpoint, in its `fetched:` and `nothing due` lines alike.
struct CheckpointLabelTests {
    @Test(arguments: [
        (1_800, "+30m"), (5_400, "+1h30m"), (3_600, "+1h"), (86_400, "+24h"), (604_800, "+7d"), (129_600, "+36h"),
        (172_800, "+2d"), (734_400, "+8d12h"), (90, "+1m30s"), (0, "+0m"),
    ])
    func eachCheckpointIsWrittenExactly(_ seconds: Int, _ label: String) {
        #expect(CheckpointLabel(seconds: seconds).description == label)
    }

    @Test func everyLabelIsACheckpointsValueForTheSameLength() {
        for seconds in [60, 1_800, 3_600, 5_400, 86_400, 90_000, 172_800, 604_800, 734_400] {
            #expect(GlocalDuration(text: String(CheckpointLabel(seconds: seconds).description.dropFirst()))?.seconds == seconds)
        }
    }
}
