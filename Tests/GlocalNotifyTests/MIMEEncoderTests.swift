import Foundation
import Testing

@testable import GlocalNotify

@Suite("MIME encoding of digests and alerts")
struct MIMEEncoderTests {
    @Test("an ASCII subject is kept; a UTF-8 one becomes encoded words of at most 75 characters")
    func subjects() throws {
        #expect(MIMEEncoder.encodedSubject("glocal: a post failed") == "glocal: a post failed")
        let subject = "glocal digest 2026-12-01 — 12 posts à approuver, « Hydra » 🌸 " + String(repeating: "é", count: 40)
        let encoded = MIMEEncoder.encodedSubject(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded = Data()
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            decoded.append(try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))))
            // Each word decodes on its own: no character is split between two words.
            #expect(
                String(data: try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))), encoding: .utf8) != nil)
        }
        #expect(String(data: decoded, encoding: .utf8) == subject)
        #expect(MIMEEncoder.encodedSubject("=?looks encoded?=").hasPrefix("=?UTF-8?B?"))
    }

    @Test("a line starting with a dot is doubled, line ends become CRLF")
    func dotStuffing() {
        #expect(MIMEEncoder.dotStuffed(".hidden\n..two\nplain\n.") == "..hidden\r\n...two\r\nplain\r\n..\r\n")
        #expect(MIMEEncoder.dotStuffed("a\r\nb") == "a\r\nb\r\n")
    }

    @Test("the message has Date, Message-ID, MIME headers and both parts in base64")
    func message() throws {
        let message = MailMessage(
            from: "glocal <noreply@lumiere.example>", to: "claire@lumiere.example", subject: "Résumé", text: "Bonjour\n.\nfin",
            html: "<p>Bonjour</p>", messageID: "glocal.1.abc@lumiere.example")
        let date = Date(timeIntervalSince1970: 1_796_115_600)
        let text = try MIMEEncoder.render(message, date: date, boundary: "glocal=_b")
        #expect(text.contains("Date: Tue, 01 Dec 2026 09:00:00 +0000\r\n"))
        #expect(text.contains("Message-ID: <glocal.1.abc@lumiere.example>\r\n"))
        #expect(text.contains("Subject: =?UTF-8?B?\(Data("Résumé".utf8).base64EncodedString())?=\r\n"))
        #expect(text.contains("Content-Type: multipart/alternative; boundary=\"glocal=_b\""))
        #expect(text.contains(Data("Bonjour\n.\nfin".utf8).base64EncodedString()))
        #expect(text.contains(Data("<p>Bonjour</p>".utf8).base64EncodedString()))
        #expect(text.hasSuffix("--glocal=_b--\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("a header with a line break is refused (no header injection)")
    func injection() {
        let message = MailMessage(
            from: "a@b.example", to: "x@y.example\r\nBcc: everyone@y.example", subject: "s", text: "t", html: "h",
            messageID: "m@b")
        #expect(throws: SMTPError.self) { try MIMEEncoder.render(message, date: Date(), boundary: "b") }
    }
}
