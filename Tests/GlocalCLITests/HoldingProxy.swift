import Foundation
import GlocalTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A loopback HTTP proxy in front of the sandbox (a small Python process) that holds the first `POST …/statuses` and
/// never answers it, so the node that sent it stays mid-call for as long as the test wants; every other request goes
/// through. `GET /_proxy/log` lists the requests it has seen (held or forwarded), in order; the file `heldMarker` appears
/// the moment the post is held (a test polls it without the network).
final class HoldingProxy: @unchecked Sendable {
    let process: ChildProcess
    let url: URL
    /// The file that appears once the post is held.
    let heldMarker: URL

    static let script = #"""
        import http.server, json, sys, threading, urllib.request, urllib.error
        upstream, marker = sys.argv[1].rstrip('/'), sys.argv[2]
        seen, lock, held = [], threading.Lock(), threading.Event()
        forever = threading.Event()
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = 'HTTP/1.1'
            def log_message(self, *args): pass
            def answer(self, status, body, headers=()):
                self.send_response(status)
                for name, value in headers: self.send_header(name, value)
                self.send_header('Content-Length', str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def relay(self):
                if self.path.startswith('/_proxy/log'):
                    with lock: body = json.dumps(seen).encode()
                    return self.answer(200, body, [('Content-Type', 'application/json')])
                length = int(self.headers.get('Content-Length') or 0)
                body = self.rfile.read(length) if length else None
                with lock:
                    seen.append(self.command + ' ' + self.path)
                    hold = self.command == 'POST' and self.path.endswith('/statuses') and not held.is_set()
                    if hold: held.set()
                if hold:
                    open(marker, 'w').close()
                    forever.wait()
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ('host', 'content-length', 'connection')}
                request = urllib.request.Request(upstream + self.path, data=body, headers=headers, method=self.command)
                try:
                    with urllib.request.urlopen(request, timeout=30) as response:
                        status, data, answer_headers = response.status, response.read(), response.getheaders()
                except urllib.error.HTTPError as error:
                    status, data, answer_headers = error.code, error.read(), error.headers.items()
                skip = ('content-length', 'transfer-encoding', 'connection')
                self.answer(status, data, [(k, v) for k, v in answer_headers if k.lower() not in skip])
            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = relay
        server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        server.daemon_threads = True
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    /// Starts the proxy in front of `upstream`; it creates `heldMarker` when it holds the post.
    init(upstream: URL, heldMarker: URL) throws {
        self.heldMarker = heldMarker
        process = try ChildProcess(
            executable: "/usr/bin/env", arguments: ["python3", "-c", Self.script, upstream.absoluteString, heldMarker.path],
            error: .null)
        let line = try #require(process.firstLine(), "the proxy exited before printing its port")
        let port = line.trimmingCharacters(in: .whitespacesAndNewlines)
        url = try #require(URL(string: "http://127.0.0.1:\(port)"))
    }

    /// Whether the post is held now.
    var holding: Bool { FileManager.default.fileExists(atPath: heldMarker.path) }

    /// The requests seen so far, as `METHOD path`.
    func seen() async throws -> [String] {
        let (data, _) = try await URLSession.shared.data(from: url.appendingPathComponent("_proxy/log"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String])
    }

    /// Stops the proxy.
    func stop() {
        if process.isRunning {
            process.kill(SIGKILL)
            process.wait()
        }
    }
}
