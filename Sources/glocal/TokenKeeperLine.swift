import Foundation
import GlocalDispatch

/// One line of `glocal run`'s output per token the keeper refreshed or could not (never a token).
enum TokenKeeperLine {
    /// `tokens: ACCOUNT refreshed, expires …` and the like.
    static func text(_ report: TokenKeeper.Report) -> String {
        let stamp = { (date: Date) in ISO8601DateFormatter().string(from: date) }
        switch report.outcome {
        case .refreshed(let expiry):
            return "tokens: \(report.accountID) refreshed\(expiry.map { ", expires \(stamp($0))" } ?? "")"
        case .failed(let why, let retry): return "tokens: \(report.accountID) refresh failed (\(why)); next try \(stamp(retry))"
        case .needsReconnect(let why): return "tokens: \(report.accountID) needs reconnect: \(why)"
        }
    }
}
