import Foundation
import GlocalTestSupport

/// A real SMTP server on a free loopback port: Python's aiosmtpd, started as a subprocess, which
/// parses each message it accepts with Python's `email` package and writes it as JSON to a folder.
/// `rejectFirst` answers 451 (try later) to the first messages; `login` requires AUTH.
final class LoopbackSMTPServer {
    /// One accepted message as the server parsed it.
    struct Received: Decodable {
        let from: String
        let to: [String]
        let subject: String
        let messageID: String
        let date: String
        let contentType: String
        let text: String
        let html: String
        let authenticated: Bool

        enum CodingKeys: String, CodingKey {
            case from, to, subject, date, text, html, authenticated
            case messageID = "message_id"
            case contentType = "content_type"
        }
    }

    let port: Int
    let folder: URL
    private let process: ChildProcess

    init(rejectFirst: Int = 0, login: (user: String, password: String)? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        (process, port) = try LoopbackPython.start(
            script: Self.script, arguments: [folder.path, String(rejectFirst), login?.user ?? "", login?.password ?? ""])
    }

    deinit {
        LoopbackPython.stop(process)
        try? FileManager.default.removeItem(at: folder)
    }

    /// The messages accepted so far, in order.
    func messages() throws -> [Received] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map {
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: folder.appendingPathComponent($0)))
        }
    }

    private static let script = #"""
        import asyncio, email, json, os, sys
        from email import policy
        from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

        folder, reject_first, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
        state = {"seen": 0}

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                state["seen"] += 1
                if state["seen"] <= reject_first:
                    return "451 4.3.0 try again later"
                msg = email.message_from_bytes(envelope.original_content, policy=policy.default)
                record = {
                    "from": envelope.mail_from, "to": envelope.rcpt_tos, "subject": str(msg["subject"]),
                    "message_id": str(msg["message-id"]), "date": str(msg["date"]), "content_type": msg.get_content_type(),
                    "text": msg.get_body(("plain",)).get_content(), "html": msg.get_body(("html",)).get_content(),
                    "authenticated": bool(session.authenticated),
                }
                index = len([f for f in os.listdir(folder) if f.endswith(".json")])
                path = os.path.join(folder, "%04d" % index)
                with open(path + ".tmp", "w") as f:
                    json.dump(record, f)
                os.rename(path + ".tmp", path + ".json")
                return "250 OK"

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        async def main():
            loop = asyncio.get_running_loop()
            factory = lambda: SMTP(
                Handler(), hostname="loopback.test", authenticator=authenticator if user else None,
                auth_required=bool(user), auth_require_tls=False)
            server = await loop.create_server(factory, host="127.0.0.1", port=0)
            print(server.sockets[0].getsockname()[1], flush=True)
            await server.serve_forever()

        asyncio.run(main())
        """#
}
