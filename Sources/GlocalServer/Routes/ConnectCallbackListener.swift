import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The one-shot loopback listener of `glocal account connect ID --browser`: it serves
/// `http://127.0.0.1:PORT/connect/NETWORK/callback` until the first callback it accepts arrives, answers the browser
/// with a short page, and returns the callback's query.
public enum ConnectCallbackListener {
    /// Listens on `127.0.0.1:port` (0: a free port) and returns the first callback whose query `accepts` takes (the
    /// sign-in's own `state`): any other request to the path, a stray or a hostile one, gets a 400 page and the
    /// listener keeps waiting, so it cannot end the sign-in. `onListening` gets the bound port once it listens; when
    /// it answers `false` (the sign-in could not start), listening stops and `CancellationError` is thrown.
    public static func receive(
        port: Int, accepts: @escaping @Sendable ([String: String]) -> Bool = { _ in true },
        onListening: @escaping @Sendable (Int) async -> Bool
    ) async throws -> (network: String, query: [String: String]) {
        let (callbacks, continuation) = AsyncStream<(String, [String: String])>.makeStream()
        let router = Router()
        router.get("/connect/:network/callback") { request, context -> Response in
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            guard accepts(query) else {
                let page = """
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>glocal</title></head>
                    <body><p>This is not the answer to the sign-in glocal is waiting for in the terminal, so it was \
                    ignored. The terminal keeps waiting (Ctrl-C stops it).</p></body></html>
                    """
                return Response(
                    status: .badRequest, headers: [.contentType: "text/html; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: page)))
            }
            continuation.yield((try context.parameters.require("network"), query))
            let page = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>glocal</title></head>
                <body><p>glocal received the network's answer; see the terminal. You can close this window.</p></body></html>
                """
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        var logger = Logger(label: "glocal.connect")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "glocal"),
            onServerRunning: { channel in
                if await !onListening(channel.localAddress?.port ?? port) { continuation.finish() }
            }, logger: logger)
        // Stopped gracefully, not cancelled: the browser's request in flight gets its page before the listener closes.
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        return try await withThrowingTaskGroup(of: (String, [String: String])?.self) { group in
            group.addTask {
                try await services.run()
                return nil
            }
            group.addTask {
                var iterator = callbacks.makeAsyncIterator()
                return await iterator.next()
            }
            // The first task to end decides: a callback, or no callback (the stream finished, the server stopped).
            let first = try await group.next()
            await services.triggerGracefulShutdown()
            continuation.finish()
            while try await group.next() != nil {}
            if let result = first, let (network, query) = result { return (network, query) }
            throw CancellationError()
        }
    }
}
