import Foundation
import GlocalTestSupport
import Testing

/// README step 9 on SQLite, end to end, through `scripts/step9-replays`: `glocal run --demo` into a store file, then
/// the two `glocal dispatch --until` replays of December (node-c, node-d) at once on it, whose simulated clocks drift
/// hours apart. Before liveness locks the node ahead rescued jobs the other was still sending, and posts went out twice.
struct ReadmeStep9ReplaysTests {
    @Test func twoReplaysAtOnceOnOneStoreFileSendNothingTwice() throws {
        let (status, text, _) = try ChildProcess.run(
            executable: "/usr/bin/env",
            arguments: ["python3", "scripts/step9-replays", "--binary", try GlocalProcess.executable().path],
            directory: ValidateCommandTests.repositoryRoot.path, mergingErrorIntoOutput: true)
        #expect(status == 0, "\(text)")
        // The README's count: 1 166 posts (784 from the demo, 382 from the replays), none twice.
        #expect(text.contains("1166 posts, 0 sent twice"), "\(text)")
        #expect(text.contains("0 'lease lost' lines"), "\(text)")
    }
}
