import GlocalCore
import Yams

/// Decodes the override keys that belong to one network: Pinterest's `board` and `alt_text`, Google Business
/// Profile's `topic_type`, `event`, `offer` and `call_to_action`, with the rules Google sets between them.
enum NetworkOverrideDecoder {
    static let pinterestKeys = ["board", "alt_text"]
    static let googleBusinessKeys = ["topic_type", "event", "offer", "call_to_action"]
    static let eventKeys = ["title", "start", "end"]
    static let offerKeys = ["coupon_code", "redeem_url", "terms"]
    static let callToActionKeys = ["type", "url"]
    /// Pinterest's `alt_text` maxLength (docs/networks.md).
    static let pinterestAltTextLimit = 500

    /// The keys an override on `network` takes besides the common ones.
    static func extraKeys(for network: Network) -> [String] {
        switch network {
        case .pinterest: return pinterestKeys
        case .googleBusiness: return googleBusinessKeys
        case .youtube: return VideoOverrideDecoder.youtubeKeys
        case .tiktok: return VideoOverrideDecoder.tiktokKeys
        case .x, .bluesky, .mastodon, .threads, .linkedin, .facebook, .instagram: return []
        }
    }

    static func decode(_ map: MappingReader, network: Network, into override: inout PostNetworkOverride, context: DecodeContext) {
        switch network {
        case .pinterest: override.pinterest = decodePinterest(map, context: context)
        case .googleBusiness: override.googleBusiness = decodeGoogleBusiness(map, context: context)
        case .x, .bluesky, .mastodon, .threads, .linkedin, .facebook, .instagram, .youtube, .tiktok: break
        }
    }

    private static func decodePinterest(_ map: MappingReader, context: DecodeContext) -> PinterestOverride? {
        let board = map.string("board")
        let alt = map.string("alt_text")
        if let alt, alt.value.unicodeScalars.count > pinterestAltTextLimit {
            context.collector.error(
                .mediaAltTextTooLong,
                "alt_text is \(alt.value.unicodeScalars.count) characters, Pinterest takes at most \(pinterestAltTextLimit)",
                at: alt.location, notes: ["describe what the image shows in a sentence or two"])
        }
        guard board != nil || alt != nil else { return nil }
        return PinterestOverride(board: board, altText: alt)
    }

    private static func decodeGoogleBusiness(
        _ map: MappingReader, context: DecodeContext
    ) -> Located<GoogleBusinessPostDetails>? {
        let keys = googleBusinessKeys.filter { map.value($0) != nil }
        guard !keys.isEmpty else { return nil }
        let topic = map.choice("topic_type", GoogleBusinessTopicType.self)
        let event = map.value("event").flatMap { decodeEvent($0, context: context) }
        let offer = map.value("offer").flatMap { decodeOffer($0, context: context) }
        let callToAction = map.value("call_to_action").flatMap { decodeCallToAction($0, context: context) }
        // Without topic_type, the blocks say which post it is.
        let type = topic?.value ?? (map.value("offer") != nil ? .offer : map.value("event") != nil ? .event : .standard)
        let typeLocation = topic?.location ?? map.keyLocation(keys[0]) ?? map.location
        if type != .standard, map.value("event") == nil {
            context.collector.error(
                .keyMissing, "an \(type.rawValue) post needs an 'event' with title, start and end", at: typeLocation,
                notes: [
                    "Google shows an \(type == .offer ? "offer's" : "event's") title and dates: event: {title: …, start: 2026-12-12T10:00, end: 2026-12-12T18:00}"
                ])
        }
        if type == .offer, map.value("offer") == nil {
            context.collector.error(
                .keyMissing, "an OFFER post needs an 'offer' (coupon_code, redeem_url, terms)", at: typeLocation,
                notes: ["or set topic_type: EVENT for an event without an offer"])
        }
        if type != .offer, let location = map.keyLocation("offer") {
            context.collector.error(
                .valueInvalid, "'offer' belongs to OFFER posts, this one is \(type.rawValue)", at: location,
                notes: ["set topic_type: OFFER, or remove 'offer'"])
        }
        if type == .standard, let location = map.keyLocation("event") {
            context.collector.error(
                .valueInvalid, "'event' belongs to EVENT and OFFER posts, this one is STANDARD", at: location,
                notes: ["set topic_type: EVENT, or remove 'event'"])
        }
        let details = GoogleBusinessPostDetails(
            topicType: type, event: event, offer: type == .offer ? offer : nil, callToAction: callToAction)
        return Located(details, at: typeLocation)
    }

    private static func decodeEvent(_ node: Node, context: DecodeContext) -> GoogleBusinessEvent? {
        guard let map = context.mapping(node, what: "event", allowed: eventKeys, required: eventKeys, for: "event"),
            let title = map.string("title")
        else { return nil }
        if title.value.trimmingCharacters(in: .whitespaces).isEmpty {
            context.collector.error(
                .valueInvalid, "the event's title is empty", at: title.location, notes: ["Google shows it on the post"])
        }
        guard let start = dateTime(map.string("start"), what: "event start", context: context),
            let end = dateTime(map.string("end"), what: "event end", context: context)
        else { return nil }
        if end.value < start.value {
            context.collector.error(
                .valueInvalid, "the event ends (\(end.value)) before it starts (\(start.value))", at: end.location,
                notes: ["times are the location's wall-clock time"])
            return nil
        }
        return GoogleBusinessEvent(title: title.value, start: start.value, end: end.value)
    }

    private static func dateTime(
        _ text: Located<String>?, what: String, context: DecodeContext
    ) -> Located<GoogleBusinessDateTime>? {
        guard let text else { return nil }
        guard let value = GoogleBusinessDateTime(text: text.value), NumberRanges.years.contains(value.date.year) else {
            context.collector.error(
                .dateInvalid, "invalid \(what) '\(DiagnosticText.cut(text.value))'", at: text.location,
                notes: ["write YYYY-MM-DD or YYYY-MM-DDTHH:MM in the location's time, e.g. 2026-12-12T10:00"])
            return nil
        }
        return Located(value, at: text.location)
    }

    private static func decodeOffer(_ node: Node, context: DecodeContext) -> GoogleBusinessOffer? {
        guard let map = context.mapping(node, what: "offer", allowed: offerKeys, for: "offer") else { return nil }
        let redeem = map.string("redeem_url")
        if let redeem { LinkValidation.check(redeem, context: context) }
        let offer = GoogleBusinessOffer(
            couponCode: map.string("coupon_code")?.value, redeemURL: redeem?.value, terms: map.string("terms")?.value)
        if offer.couponCode == nil, offer.redeemURL == nil, offer.terms == nil {
            context.collector.error(
                .keyMissing, "the offer is empty", at: map.location,
                notes: ["give at least one of coupon_code, redeem_url and terms"])
        }
        return offer
    }

    private static func decodeCallToAction(_ node: Node, context: DecodeContext) -> GoogleBusinessCallToAction? {
        guard
            let map = context.mapping(
                node, what: "call_to_action", allowed: callToActionKeys, required: ["type"], for: "call_to_action"),
            let type = map.choice("type", GoogleBusinessActionType.self)
        else { return nil }
        let url = map.string("url")
        if let url {
            if !type.value.needsURL {
                context.collector.error(
                    .valueInvalid, "a CALL button takes no url: Google dials the location's phone number", at: url.location,
                    notes: ["remove 'url', or choose another type: BOOK, ORDER, SHOP, LEARN_MORE, SIGN_UP"])
                return GoogleBusinessCallToAction(type: type.value)
            }
            LinkValidation.check(url, context: context)
        } else if type.value.needsURL {
            context.collector.error(
                .keyMissing, "a \(type.value.rawValue) button needs a 'url'", at: type.location,
                notes: ["every button but CALL opens a page: call_to_action: {type: \(type.value.rawValue), url: https://…}"])
        }
        return GoogleBusinessCallToAction(type: type.value, url: url?.value)
    }
}
