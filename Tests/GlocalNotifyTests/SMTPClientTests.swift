import Foundation
import GlocalCore
import GlocalNotify
import Testing

@Suite("SMTP client and settings")
struct SMTPClientTests {
    @Test("AUTH with the right credentials is accepted; a wrong password is refused without showing it")
    func authentication() async throws {
        let server = try LoopbackSMTPServer(login: (user: "glocal", password: "s3cret-pass"))
        let message = MailMessage(
            from: "noreply@lumiere.example", to: "claire@lumiere.example", subject: "Test ✓", text: ".dot line\nsecond",
            html: "<p>hi</p>", messageID: "glocal.test@lumiere.example")
        let good = SMTPClient(
            settings: try SMTPSettings(
                url: "smtp://localhost:\(server.port)", from: "noreply@lumiere.example", username: "glocal",
                password: "s3cret-pass", timeout: 10))
        try await good.send(message, date: Date(timeIntervalSince1970: 1_796_115_600))
        let received = try server.messages()
        #expect(received.count == 1)
        #expect(received.first?.authenticated == true)
        #expect(received.first?.subject == "Test ✓")
        #expect(received.first?.text == ".dot line\nsecond\n" || received.first?.text == ".dot line\nsecond")
        #expect(received.first?.date == "Tue, 01 Dec 2026 09:00:00 +0000")

        let bad = SMTPClient(
            settings: try SMTPSettings(
                url: "smtp://127.0.0.1:\(server.port)", from: "noreply@lumiere.example", username: "glocal",
                password: "wrong-pass-123", timeout: 10))
        let error = await #expect(throws: SMTPError.self) { try await bad.send(message, date: Date()) }
        let text = String(describing: try #require(error))
        #expect(text.hasPrefix("SMTP server refused AUTH"))
        #expect(!text.contains("wrong-pass-123"))
        #expect(try server.messages().count == 1)
    }

    @Test("without AUTH the server answers 530 and the client says which step was refused")
    func authenticationRequired() async throws {
        let server = try LoopbackSMTPServer(login: (user: "glocal", password: "s3cret-pass"))
        let client = SMTPClient(
            settings: try SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", from: "noreply@lumiere.example", timeout: 10))
        let message = MailMessage(
            from: "noreply@lumiere.example", to: "claire@lumiere.example", subject: "s", text: "t", html: "h", messageID: "m@x")
        let error = await #expect(throws: SMTPError.self) { try await client.send(message, date: Date()) }
        #expect(String(describing: try #require(error)).hasPrefix("SMTP server refused MAIL FROM: 530"))
    }

    @Test("settings refuse plain SMTP to another host, TLS schemes, credentials in the URL and a bad sender")
    func settings() throws {
        #expect(throws: SMTPSettingsError.self) { try SMTPSettings(url: "smtp://mail.example.com:587", from: "a@b.example") }
        let insecure = try SMTPSettings(url: "smtp://mail.example.com:587", from: "a@b.example", insecure: true)
        #expect(insecure.host == "mail.example.com" && insecure.port == 587)
        #expect(try SMTPSettings(url: "smtp://[::1]", from: "a@b.example").port == 25)
        let tls = #expect(throws: SMTPSettingsError.self) { try SMTPSettings(url: "smtps://localhost", from: "a@b.example") }
        #expect(tls?.description.contains("plain smtp://") == true)
        let inURL = #expect(throws: SMTPSettingsError.self) {
            try SMTPSettings(url: "smtp://user:hunter2@localhost", from: "a@b.example")
        }
        #expect(inURL?.description.contains("hunter2") == false)
        #expect(throws: SMTPSettingsError.self) { try SMTPSettings(url: "smtp://localhost", from: "nobody") }
        #expect(throws: SMTPSettingsError.self) {
            try SMTPSettings(url: "smtp://localhost", from: "a@b.example", username: "u", password: nil)
        }
    }

    @Test("settings built from the configuration's endpoint carry AUTH only for a user with a password")
    func settingsFromAnEndpoint() throws {
        let endpoint = try SMTPEndpoint(
            host: "127.0.0.1", port: "25", from: "a@b.example", insecure: false, username: "glocal", hasPassword: true)
        let settings = SMTPSettings(endpoint: endpoint, password: "pw")
        #expect(settings.host == "127.0.0.1" && settings.port == 25 && settings.from == "a@b.example")
        #expect(settings.credentials?.username == "glocal" && settings.credentials?.password == "pw")
        let anonymous = try SMTPEndpoint(
            host: "localhost", port: "2525", from: "a@b.example", insecure: false, username: nil, hasPassword: false)
        #expect(SMTPSettings(endpoint: anonymous, password: "pw").credentials == nil)
        #expect(SMTPSettings(endpoint: anonymous, password: nil).port == 2525)
    }

    @Test("team webhook URLs come from GLOCAL_WEBHOOK_<TEAM>; a bad one is refused without echoing it")
    func webhookURLs() throws {
        #expect(WebhookSender.variableName(team: "paris-flagship") == "GLOCAL_WEBHOOK_PARIS_FLAGSHIP")
        let urls = try WebhookSender.urls(
            teamIDs: ["france", "canada"], environment: ["GLOCAL_WEBHOOK_FRANCE": "https://hooks.slack.com/services/T/B/X"])
        #expect(urls == ["france": URL(string: "https://hooks.slack.com/services/T/B/X")!])
        let error = #expect(throws: SMTPSettingsError.self) {
            try WebhookSender.urls(teamIDs: ["france"], environment: ["GLOCAL_WEBHOOK_FRANCE": "ftp://secret-token"])
        }
        #expect(error?.description.contains("secret-token") == false)
        #expect(String(decoding: try WebhookSender.body(text: "a \"b\"\nc"), as: UTF8.self) == #"{"text":"a \"b\"\nc"}"#)
    }
}
