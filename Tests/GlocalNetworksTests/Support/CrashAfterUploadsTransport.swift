import Foundation
import GlocalNetworks

/// A transport that stands for a process killed mid-upload: it forwards requests until `uploads` `PUT`s have
/// been answered, then loses every later call, so the client keeps only what it recorded before.
actor CrashAfterUploadsTransport: HTTPTransport {
    let inner: any HTTPTransport
    let uploads: Int
    private var sent = 0

    init(_ inner: any HTTPTransport, uploads: Int) {
        self.inner = inner
        self.uploads = uploads
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard sent < uploads else { throw TransportError.connectionLost("the process was killed") }
        if request.method == "PUT", !(request.body ?? Data()).isEmpty { sent += 1 }
        return try await inner.send(request)
    }
}
