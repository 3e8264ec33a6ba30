import Foundation

extension Workspace {
    /// The IANA zone an account declares: its own `timezone`, else its locale's; `nil` when neither says.
    public func declaredTimeZoneID(of account: Account) -> String? {
        account.timeZone?.value ?? locales[account.locale.value]?.timeZone?.value
    }

    /// The IANA zone `account` is scheduled in: the declared one, else `UTC`.
    public func timeZoneID(of account: Account) -> String { declaredTimeZoneID(of: account) ?? "UTC" }

    /// The zone `account` is scheduled in; an identifier the system does not know reads as UTC.
    public func timeZone(of account: Account) -> TimeZone {
        TimeZone(identifier: timeZoneID(of: account)) ?? TimeZone(identifier: "UTC")!
    }

    /// The IANA zone of locale `id`, else `UTC`.
    public func timeZoneID(ofLocale id: String) -> String { locales[id]?.timeZone?.value ?? "UTC" }
}
