import Foundation
import GlocalTestSupport

/// A loopback HTTP server (Python's http.server) that records each POST's path and JSON body and
/// answers `status` (200 by default).
final class LoopbackWebhookServer {
    /// One received post.
    struct Received: Decodable {
        let path: String
        let contentType: String
        let body: String

        enum CodingKeys: String, CodingKey {
            case path, body
            case contentType = "content_type"
        }
    }

    let port: Int
    let folder: URL
    private let process: ChildProcess

    init(status: Int = 200) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-hook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        (process, port) = try LoopbackPython.start(script: Self.script, arguments: [folder.path, String(status)])
    }

    deinit {
        LoopbackPython.stop(process)
        try? FileManager.default.removeItem(at: folder)
    }

    /// The URL of `path` on this server.
    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// The posts received so far, in order.
    func posts() throws -> [Received] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map {
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: folder.appendingPathComponent($0)))
        }
    }

    private static let script = #"""
        import json, os, sys
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        folder, status = sys.argv[1], int(sys.argv[2])

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                index = len([f for f in os.listdir(folder) if f.endswith(".json")])
                path = os.path.join(folder, "%04d" % index)
                with open(path + ".tmp", "w") as f:
                    json.dump({"path": self.path, "content_type": self.headers.get("Content-Type", ""), "body": body}, f)
                os.rename(path + ".tmp", path + ".json")
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}
