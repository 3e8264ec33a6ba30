import Foundation
import Testing

@testable import GlocalCore

/// After a YouTube upload session expired, a new one opens only when the channel search would have shown the video.
struct ExpiredUploadSessionTests {
    static let opened = Date(timeIntervalSince1970: 1_796_115_600)

    @Test func aVideoWithTheTitleIsTheVariantsVideo() {
        let step = ExpiredUploadSession.decide(title: "Meet Hydra", search: .found(videoID: "v1"), sessionOpenedAt: Self.opened)
        #expect(step == .alreadyPublished(videoID: "v1"))
    }

    @Test func aFailedSearchNeverOpensASession() {
        #expect(ExpiredUploadSession.decide(title: "Meet Hydra", search: .failed, sessionOpenedAt: Self.opened) == .retryLater)
    }

    @Test func aCompleteListingWithoutTheVideoStartsOver() {
        let search = ExpiredUploadSession.ChannelSearch.notFound(oldestListed: nil, hasMore: false)
        #expect(ExpiredUploadSession.decide(title: "Meet Hydra", search: search, sessionOpenedAt: nil) == .startOver)
    }

    @Test func aPartialListingThatReachesBeforeTheSessionStartsOver() {
        let search = ExpiredUploadSession.ChannelSearch.notFound(oldestListed: Self.opened.addingTimeInterval(-60), hasMore: true)
        #expect(ExpiredUploadSession.decide(title: "Meet Hydra", search: search, sessionOpenedAt: Self.opened) == .startOver)
    }

    @Test(arguments: [Optional(opened), nil])
    func aPartialListingThatStopsShortAsksAPerson(openedAt: Date?) {
        let search = ExpiredUploadSession.ChannelSearch.notFound(oldestListed: Self.opened.addingTimeInterval(60), hasMore: true)
        let step = ExpiredUploadSession.decide(title: "Meet Hydra", search: search, sessionOpenedAt: openedAt)
        guard case .askPerson(let reason) = step else {
            Issue.record("expected a person's check, got \(step)")
            return
        }
        #expect(reason.contains("'Meet Hydra'"))
    }
}
