import Foundation

/// The form of a Bluesky app password, which atproto's XRPC spec (Authentication, App Passwords) gives: "App passwords
/// usually have the form `xxxx-xxxx-xxxx-xxxx`, and clients can check against this format to prevent accidental
/// logins with primary passwords". glocal checks it before sending anything, so an account's own password never
/// leaves the machine.
public enum AppPasswordFormat {
    /// The password as it is sent: without the spaces or line break a paste may bring around it.
    public static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Whether `text` has the form of an app password: four groups of four lowercase ASCII letters or digits,
    /// joined by `-`, as Bluesky makes them.
    public static func matches(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.count == 4
            && groups.allSatisfy { group in
                group.count == 4 && group.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
            }
    }
}
