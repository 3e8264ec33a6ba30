import Foundation

/// Renders a `MailMessage` as an RFC 5322 message: CRLF lines, `Date`, `Message-ID`, the subject as
/// RFC 2047 encoded words when it is not plain ASCII, and a multipart/alternative body (text,
/// then HTML, each UTF-8 in base64 lines of 76 characters).
public enum MIMEEncoder {
    /// The message's bytes as sent after `DATA` (before dot-stuffing), dated `date`.
    public static func render(_ message: MailMessage, date: Date, boundary: String) throws -> String {
        for (name, value) in [("From", message.from), ("To", message.to), ("Message-ID", message.messageID)] {
            guard value.allSatisfy({ $0.isASCII && !$0.isNewline }), !value.isEmpty else {
                throw SMTPError.invalidMessage("the \(name) header is empty or not one line of ASCII")
            }
        }
        let headers = [
            "Date: \(rfc5322Date(date))",
            "From: \(message.from)",
            "To: \(message.to)",
            "Subject: \(encodedSubject(message.subject))",
            "Message-ID: <\(message.messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        let parts = [("text/plain", message.text), ("text/html", message.html)].map { type, body in
            "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + base64Lines(Data(body.utf8)) + "\r\n"
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined() + "--\(boundary)--\r\n"
    }

    /// `subject` as is when it is printable ASCII (and holds no encoded-word opener), else as
    /// `=?UTF-8?B?…?=` words of at most 75 characters, folded onto continuation lines, never
    /// splitting a character.
    public static func encodedSubject(_ subject: String) -> String {
        let plain = subject.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } && !subject.contains("=?")
        if plain && subject.utf8.count <= 900 { return subject }
        var words: [String] = []
        var chunk = Data()
        for character in subject where !character.isNewline {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// `data` in base64, lines of 76 characters separated by CRLF.
    static func base64Lines(_ data: Data) -> String {
        let encoded = Array(data.base64EncodedString())
        return stride(from: 0, to: encoded.count, by: 76).map { String(encoded[$0..<min($0 + 76, encoded.count)]) }
            .joined(separator: "\r\n")
    }

    /// `Sat, 05 Dec 2026 23:45:00 +0000`.
    public static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// `text` with CRLF line ends and a dot doubled at the start of every line (RFC 5321 4.5.2),
    /// ready to be followed by `.` on a line of its own.
    public static func dotStuffed(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var body = lines.map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        if !body.hasSuffix("\r\n") { body += "\r\n" }
        return body
    }
}
