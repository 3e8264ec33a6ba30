import Foundation
import GlocalCore

/// The `LocalPost` JSON a Google Business Profile post is created with (My Business API v4): summary, language,
/// topic type, event schedule, offer, call to action and media by public URL.
enum GoogleBusinessLocalPost {
    static func body(_ post: OutgoingPost) throws(NetworkFailure) -> [String: Any] {
        let details = post.businessPost ?? .standard
        var body: [String: Any] = [
            "languageCode": post.locale, "summary": post.text, "topicType": details.topicType.rawValue,
        ]
        if let event = details.event {
            var schedule: [String: Any] = ["startDate": date(event.start.date), "endDate": date(event.end.date)]
            if let time = event.start.time { schedule["startTime"] = timeOfDay(time) }
            if let time = event.end.time { schedule["endTime"] = timeOfDay(time) }
            body["event"] = ["title": event.title, "schedule": schedule]
        }
        if let offer = details.offer {
            var fields: [String: Any] = [:]
            fields["couponCode"] = offer.couponCode
            fields["redeemOnlineUrl"] = offer.redeemURL
            fields["termsConditions"] = offer.terms
            body["offer"] = fields
        }
        if let button = callToAction(post, details: details) { body["callToAction"] = button }
        var media: [[String: Any]] = []
        for file in post.media {
            guard let url = file.publicURL?.absoluteString else {
                throw NetworkFailure(.invalidContent("Google fetches post media from a public URL; \(file.path) has none"))
            }
            media.append(["mediaFormat": file.isVideo ? "VIDEO" : "PHOTO", "sourceUrl": url])
        }
        if !media.isEmpty { body["media"] = media }
        return body
    }

    /// The campaign's button (a button without its own URL opens the post's link), or `LEARN_MORE` to the post's link.
    static func callToAction(_ post: OutgoingPost, details: GoogleBusinessPostDetails) -> [String: Any]? {
        let link = post.linkPlacement == .inline ? post.link : nil
        guard let button = details.callToAction else {
            return link.map { ["actionType": GoogleBusinessActionType.learnMore.rawValue, "url": $0] }
        }
        guard button.type.needsURL else { return ["actionType": button.type.rawValue] }
        guard let url = button.url ?? link else { return nil }
        return ["actionType": button.type.rawValue, "url": url]
    }

    static func date(_ date: LocalDate) -> [String: Any] { ["year": date.year, "month": date.month, "day": date.day] }

    static func timeOfDay(_ time: LocalTime) -> [String: Any] {
        ["hours": time.hour, "minutes": time.minute, "seconds": 0, "nanos": 0]
    }
}
