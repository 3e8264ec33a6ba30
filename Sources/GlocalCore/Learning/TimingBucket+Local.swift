import Foundation

extension TimingBucket {
    /// The bucket `instant` falls in on the clock of the time zone `identifier` (UTC when the
    /// identifier is not one): engagement is learnt by each account's local weekday and hours.
    public static func local(of instant: Date, timeZoneIdentifier identifier: String) -> TimingBucket {
        let zone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!
        let local = LocalInstant(instant: instant, zone: zone)
        return TimingBucket(weekday: local.date.isoWeekday, time: local.time)
    }
}
