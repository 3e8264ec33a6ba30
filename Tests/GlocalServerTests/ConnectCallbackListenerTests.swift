import Foundation
import GlocalServer
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `account connect --browser`'s loopback listener, on a real socket: a request it does not accept (a stray or a
/// forged one) gets a 400 page and the listener keeps waiting; the accepted callback ends the wait.
struct ConnectCallbackListenerTests {
    final class Port: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Int?
        func set(_ port: Int) { lock.withLock { value = port } }
        var port: Int? { lock.withLock { value } }
    }

    @Test func aRequestItDoesNotAcceptIsAnsweredAndTheWaitGoesOn() async throws {
        let bound = Port()
        let (ready, signal) = AsyncStream<Void>.makeStream()
        async let received = ConnectCallbackListener.receive(port: 0, accepts: { $0["state"] == "s3cret-state" }) { port in
            bound.set(port)
            signal.yield()
            return true
        }
        var iterator = ready.makeAsyncIterator()
        await iterator.next()
        let port = try #require(bound.port)
        let stray = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/connect/x/callback?code=abc&state=forged")!)
        #expect((stray.1 as? HTTPURLResponse)?.statusCode == 400)
        #expect(String(decoding: stray.0, as: UTF8.self).contains("The terminal keeps waiting"))
        let real = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/connect/x/callback?code=xyz&state=s3cret-state")!)
        #expect((real.1 as? HTTPURLResponse)?.statusCode == 200)
        let (network, query) = try await received
        #expect(network == "x" && query["code"] == "xyz")
    }
}
