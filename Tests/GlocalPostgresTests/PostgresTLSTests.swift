import Foundation
import GlocalPostgres
import Testing

/// `?sslmode=` is honoured as libpq honours it (it was ignored: glocal always connected without TLS, whatever the URL
/// asked): `disable`, `prefer` (the default), `require`, `verify-ca` and `verify-full`, with `?sslrootcert=` naming the
/// authority. Checked on the server's side (`pg_stat_ssl`), against a server with TLS and one without.
@Suite(.postgres, .serialized)
struct PostgresTLSTests {
    @Test func eachModeConnectsAsItSaysToAServerWithTLS() throws {
        let server = try PostgresTLSTestServer()
        defer { server.stop() }
        let root = "sslrootcert=" + server.rootCertificate
        #expect(try Self.usesTLS(server.url(host: "127.0.0.1")) == true, "prefer, the default, takes TLS when offered")
        #expect(try Self.usesTLS(server.url(host: "127.0.0.1", "sslmode=prefer")) == true)
        #expect(try Self.usesTLS(server.url(host: "127.0.0.1", "sslmode=disable")) == false)
        #expect(try Self.usesTLS(server.url(host: "127.0.0.1", "sslmode=require")) == true)
        #expect(try Self.usesTLS(server.url(host: "127.0.0.1", "sslmode=verify-ca&" + root)) == true)
        #expect(try Self.usesTLS(server.url(host: "localhost", "sslmode=verify-full&" + root)) == true)

        let wrongHost = Self.failure(server.url(host: "127.0.0.1", "sslmode=verify-full&" + root))
        #expect(wrongHost.contains("over TLS (sslmode=verify-full)"), "\(wrongHost)")
        #expect(wrongHost.contains("the server's certificate is not for this host name or address"), "\(wrongHost)")
        let untrusted = Self.failure(server.url(host: "localhost", "sslmode=verify-full"))
        #expect(untrusted.contains("not signed by an authority glocal trusts"), "\(untrusted)")
        let untrustedCA = Self.failure(server.url(host: "127.0.0.1", "sslmode=verify-ca"))
        #expect(untrustedCA.contains("not signed by an authority glocal trusts"), "\(untrustedCA)")
        let missing = Self.failure(server.url(host: "localhost", "sslmode=verify-full&sslrootcert=/nonexistent/root.crt"))
        #expect(missing.contains("cannot set up TLS for localhost:\(server.port)"), "\(missing)")
        #expect(missing.contains("sslrootcert=/nonexistent/root.crt"), "\(missing)")
    }

    @Test func requireRefusesAServerWithoutTLSAndSaysHowToReachItSafely() throws {
        let url = try #require(PostgresTestServer.url)
        #expect(try Self.usesTLS(url) == false, "prefer goes without TLS when the server offers none")
        #expect(try Self.usesTLS(url + "?sslmode=disable") == false)
        for mode in ["require", "verify-ca", "verify-full"] {
            let message = Self.failure(url + "?sslmode=" + mode)
            #expect(message.contains("does not accept TLS, and sslmode=\(mode) asks for it"), "\(message)")
            #expect(message.contains("SSH tunnel"), "\(message)")
        }
    }

    /// Whether a connection to `url` is encrypted, as the server sees it.
    static func usesTLS(_ url: String) throws -> Bool? {
        let pool = PostgresConnectionPool(location: try PostgresLocation(url: url), size: 1)
        defer { pool.close() }
        return try pool.transaction { try $0.value("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", as: Bool.self) }
    }

    /// The error connecting to `url` throws.
    static func failure(_ url: String) -> String {
        do {
            let pool = PostgresConnectionPool(location: try PostgresLocation(url: url), size: 1)
            defer { pool.close() }
            _ = try pool.transaction { try $0.value("SELECT 1", as: Int.self) }
        } catch {
            return String(describing: error)
        }
        Issue.record("\(url) connected")
        return ""
    }
}
