import Foundation
import GlocalCore
import GlocalTestSupport
import Testing

/// `glocal serve` that cannot listen says what, where and what to do (exit 2), through the real binary.
@Suite(.timeLimit(.minutes(5))) struct ServeListenFailureTests {
    @Test func aPortAnotherProcessListensOnIsNamedWithTheSettingToChange() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let (listener, port) = try LoopbackListener.open(backlog: 4)
        defer { close(listener) }
        let (status, _, error) = try GlocalProcess.run(
            ["serve", "--host", "127.0.0.1", "--port", "\(port)"], in: workspace.root)
        #expect(status == 2)
        #expect(
            error.contains(
                "glocal: error: the server stopped: cannot listen on 127.0.0.1:\(port): another process listens on port"
                    + " \(port) (another glocal serve or run?): stop it, or choose another port"),
            "\(error)")
        #expect(!error.contains("errno"), "\(error)")
    }

    @Test func aHostNameThatDoesNotResolveIsNamed() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let (status, _, error) = try GlocalProcess.run(
            ["serve", "--host", "glocal-test.invalid", "--port", "0"], in: workspace.root)
        #expect(status == 2)
        #expect(
            error.contains("cannot listen on glocal-test.invalid:0: the host name 'glocal-test.invalid' does not resolve"),
            "\(error)")
    }
}
