import GlocalCore
import GlocalDispatch

extension ServiceLog {
    /// The dispatcher's line for one publish attempt: variant, account, network, outcome, duration and,
    /// when it did not publish (or published without its link: a warning too), the reason (never a token: reasons
    /// are written without credentials).
    public func publishAttempt(_ attempt: PublishAttempt) {
        var fields: [(name: String, value: LogValue)] = [
            ("variant", .text(attempt.variantID)), ("account", .text(attempt.accountID)),
            ("network", .text(attempt.network.rawValue)), ("outcome", .text(attempt.outcome)),
            ("duration_ms", .number(attempt.seconds * 1000)),
        ]
        if attempt.reconciled { fields.append(("looked_up_first", .text("yes"))) }
        if let reason = attempt.reason { fields.append(("reason", .text(reason))) }
        let level: LogLevel =
            ["held", "failed"].contains(attempt.outcome) || (attempt.outcome == "published" && attempt.reason != nil)
            ? .warning : .info
        log(level, "publish attempt", fields)
    }
}
