import Foundation
import GlocalCore
import GlocalTestSupport
import Testing

/// `glocal serve` that cannot listen says what, where and what to do (exit 2), through the real binary.
@Suite(.timeLimit(.minutes(5))) struct ServeListenFailureTests {
    @Test func aPortAnotherProcessListensOnIsNamedWithTheSettingToChange() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let (listener, port) = try Self.listeningSocket()
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

    /// A loopback socket listening on a free port, and that port.
    static func listeningSocket() throws -> (Int32, UInt16) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 4) == 0 else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        return (listener, UInt16(bigEndian: address.sin_port))
    }
}
