import Foundation

/// The abbreviation people read for a time zone at an instant ("CET", "CEST", "PST"). Linux's time zone
/// data often has only "GMT+1", so the zones glocal's workspaces use are named here; any other zone falls
/// back to its offset from GMT ("GMT+5:30"), which is never wrong.
public enum ZoneAbbreviation {
    /// Standard and daylight-saving abbreviations by zone identifier.
    static let names: [String: (standard: String, daylight: String)] = {
        var table: [String: (String, String)] = [:]
        let central = [
            "Amsterdam", "Berlin", "Brussels", "Budapest", "Copenhagen", "Madrid", "Oslo", "Paris", "Prague", "Rome",
            "Stockholm", "Vienna", "Warsaw", "Zurich", "Luxembourg",
        ]
        for city in central { table["Europe/" + city] = ("CET", "CEST") }
        for city in ["Athens", "Helsinki", "Bucharest", "Kyiv", "Kiev", "Sofia"] { table["Europe/" + city] = ("EET", "EEST") }
        table["Europe/London"] = ("GMT", "BST")
        table["Europe/Dublin"] = ("GMT", "IST")
        table["Europe/Lisbon"] = ("WET", "WEST")
        for city in ["New_York", "Toronto", "Detroit"] { table["America/" + city] = ("EST", "EDT") }
        for city in ["Chicago", "Winnipeg"] { table["America/" + city] = ("CST", "CDT") }
        table["America/Mexico_City"] = ("CST", "CDT")
        table["America/Denver"] = ("MST", "MDT")
        for city in ["Los_Angeles", "Vancouver"] { table["America/" + city] = ("PST", "PDT") }
        table["America/Sao_Paulo"] = ("BRT", "BRST")
        table["Asia/Tokyo"] = ("JST", "JDT")
        table["Asia/Seoul"] = ("KST", "KDT")
        table["Asia/Dubai"] = ("GST", "GST")
        table["Asia/Kolkata"] = ("IST", "IST")
        table["Australia/Sydney"] = ("AEST", "AEDT")
        for utc in ["UTC", "Etc/UTC", "GMT", "Etc/GMT"] { table[utc] = ("UTC", "UTC") }
        return table
    }()

    /// The abbreviation of `zone` at `date`.
    public static func of(_ zone: TimeZone, at date: Date) -> String {
        if let names = names[zone.identifier] {
            return zone.isDaylightSavingTime(for: date) ? names.daylight : names.standard
        }
        let seconds = zone.secondsFromGMT(for: date)
        let minutes = abs(seconds) / 60
        let sign = seconds < 0 ? "-" : "+"
        let hours = "\(sign)\(minutes / 60)"
        return minutes % 60 == 0 ? "GMT\(hours)" : "GMT\(hours):\(String(format: "%02d", minutes % 60))"
    }
}
