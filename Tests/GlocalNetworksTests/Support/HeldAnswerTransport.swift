import Foundation
import GlocalSandbox

@testable import GlocalNetworks

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A transport whose call in flight when the sandbox stores a post and holds its answer gives up at once with the
/// timeout `URLSessionTransport` reports, as if its timeout had passed. The client's timeout is thus reached by an
/// event, not by a clock, and always after the post is stored; calls after that go through unchanged.
struct HeldAnswerTransport: HTTPTransport {
    let base: URLSessionTransport
    let hold: SandboxAnswerHold

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if await hold.isStored { return try await base.send(request) }
        let (results, sink) = AsyncStream.makeStream(of: Result<HTTPResponse, any Error>.self)
        let sending = Task {
            do { sink.yield(.success(try await base.send(request))) } catch { sink.yield(.failure(error)) }
        }
        let holding = Task {
            await hold.stored()
            if !Task.isCancelled {
                sink.yield(.failure(URLSessionTransport.classify(.timedOut, url: request.url, timeout: base.timeout)))
            }
        }
        var iterator = results.makeAsyncIterator()
        // Neither task is awaited: the held answer comes only once the test releases it, after this call returned.
        guard let first = await iterator.next() else { throw CancellationError() }
        sink.finish()
        holding.cancel()
        if case .failure = first { sending.cancel() }
        return try first.get()
    }
}
