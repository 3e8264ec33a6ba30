import Foundation

/// What a YouTube publish does when its saved upload session answers `404` or `410`: the session expired.
///
/// Google's resumable-upload protocol cannot resume an expired session: the upload starts over in a new session. But
/// a new session becomes a second video when the first upload had in fact finished (its answer lost, the session
/// since gone), so the channel's own videos are searched by title first (`search?forMine=true&order=date`), and only a
/// search that would have shown the video lets a new session open.
public enum ExpiredUploadSession: Sendable, Equatable {
    /// The channel has a video with the variant's title: the variant is published as that video.
    case alreadyPublished(videoID: String)
    /// No such video, and the search reached back to when the session was opened: upload again in a new session.
    case startOver
    /// The search itself failed (quota, token, server): try again later; no session is opened meanwhile.
    case retryLater
    /// The search did not reach back far enough to be sure: a person checks the channel (the reason says what to look
    /// for); opening a session could publish the video twice.
    case askPerson(String)

    /// What the channel search answered.
    public enum ChannelSearch: Sendable, Equatable {
        /// A video with the title, by id.
        case found(videoID: String)
        /// No video with the title among those listed, newest first; `oldestListed` is the publication instant of the
        /// last one listed, `hasMore` whether the channel has more videos than the page showed.
        case notFound(oldestListed: Date?, hasMore: Bool)
        /// The search call failed.
        case failed
    }

    /// The step after a session expired, from the channel search and the instant the session was opened (`nil` for a
    /// session saved before glocal recorded it).
    public static func decide(title: String, search: ChannelSearch, sessionOpenedAt: Date?) -> ExpiredUploadSession {
        switch search {
        case .found(let videoID): return .alreadyPublished(videoID: videoID)
        case .failed: return .retryLater
        case .notFound(_, hasMore: false): return .startOver
        case .notFound(let oldest, hasMore: true):
            // Newest first: a listing that reaches a video published before the session opened holds every later one.
            if let oldest, let opened = sessionOpenedAt, oldest <= opened { return .startOver }
            return .askPerson(
                "the YouTube upload session expired and the channel's latest videos do not reach back to when it was "
                    + "opened; check the channel for a video titled '\(title)' and publish again only if it is not there")
        }
    }
}
