import Foundation
import GlocalCore
import Testing

/// The SMTP settings as one decision, the same for `glocal config check`, `serve` and `run`.
struct SMTPEndpointTests {
    static func endpoint(
        host: String = "127.0.0.1", port: String = "25", from: String? = "glocal@example.com", insecure: Bool = false,
        username: String? = nil, hasPassword: Bool = false
    ) throws(SMTPEndpoint.Problem) -> SMTPEndpoint {
        try SMTPEndpoint(host: host, port: port, from: from, insecure: insecure, username: username, hasPassword: hasPassword)
    }

    @Test func aServerOnThisMachineWithASenderIsUsable() throws {
        let endpoint = try Self.endpoint()
        #expect(endpoint.host == "127.0.0.1" && endpoint.port == 25 && endpoint.from == "glocal@example.com")
        #expect(endpoint.username == nil)
        for host in ["localhost", "127.0.0.53", "::1", "[::1]"] { #expect(throws: Never.self) { try Self.endpoint(host: host) } }
    }

    @Test func aServerElsewhereNeedsTheInsecureOptIn() throws {
        #expect(throws: SMTPEndpoint.Problem.notThisMachine("mail.example.com")) {
            try Self.endpoint(host: "mail.example.com", port: "587")
        }
        #expect(try Self.endpoint(host: "mail.example.com", port: "587", insecure: true).insecure)
        #expect(SMTPEndpoint.Problem.notThisMachine("mail.example.com").description.contains("smtp.insecure: true"))
    }

    @Test func aSenderIsRequiredAndMustBeAnAddress() {
        #expect(throws: SMTPEndpoint.Problem.noSender) { try Self.endpoint(from: nil) }
        #expect(throws: SMTPEndpoint.Problem.noSender) { try Self.endpoint(from: "") }
        #expect(throws: SMTPEndpoint.Problem.senderNotAnAddress("nobody")) { try Self.endpoint(from: "nobody") }
        #expect(throws: Never.self) { try Self.endpoint(from: "glocal <noreply@lumiere.example>") }
    }

    @Test func aUserNameAndAPasswordGoTogether() throws {
        #expect(throws: SMTPEndpoint.Problem.halfCredentials) { try Self.endpoint(username: "glocal") }
        #expect(throws: SMTPEndpoint.Problem.halfCredentials) { try Self.endpoint(hasPassword: true) }
        #expect(try Self.endpoint(username: "glocal", hasPassword: true).username == "glocal")
        #expect(try Self.endpoint(username: "", hasPassword: false).username == nil)
    }

    @Test func theURLIsPlainSMTPWithoutCredentials() throws {
        let plain = try SMTPEndpoint.server(url: "smtp://127.0.0.1")
        #expect(plain.host == "127.0.0.1" && plain.port == 25)
        let server = try SMTPEndpoint.server(url: "smtp://[::1]:2525")
        #expect(SMTPEndpoint.isThisMachine(server.host) && server.port == 2525)
        #expect(throws: SMTPEndpoint.Problem.scheme("smtps")) { try SMTPEndpoint.server(url: "smtps://127.0.0.1:465") }
        #expect(throws: SMTPEndpoint.Problem.credentialsInURL) { try SMTPEndpoint.server(url: "smtp://u:hunter2@localhost") }
        do {
            _ = try SMTPEndpoint.server(url: "smtp://u:hunter2@")
            Issue.record("a text that is no URL was read as one")
        } catch {
            #expect(!error.description.contains("hunter2"))
        }
        #expect(throws: SMTPEndpoint.Problem.port("0")) { try Self.endpoint(port: "0") }
    }

    @Test func theInsecureOptInIsTrueOrFalse() {
        #expect(SMTPEndpoint.insecureFlag("true") == true)
        #expect(SMTPEndpoint.insecureFlag("1") == true)
        #expect(SMTPEndpoint.insecureFlag("FALSE") == false)
        #expect(SMTPEndpoint.insecureFlag("0") == false)
        #expect(SMTPEndpoint.insecureFlag("maybe") == nil)
    }
}
