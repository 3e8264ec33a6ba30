import Foundation

/// Facebook Page posts with media. One image: `POST /{page}/photos` (caption in `message`), answering `post_id`.
/// Several: each `POST /{page}/photos` with `published=false`, then `POST /{page}/feed` with `attached_media[n]`.
/// A video: `POST /{page}/videos` on the video host with `description`. A file with a `publicURL` is fetched by
/// Facebook (`url`, `file_url`). Otherwise a photo's bytes go up as multipart `source`; a video's go through the
/// Resumable Upload API (``GraphResumableUpload``, under the app id) and the post names the handle
/// (`fbuploader_video_file_chunk`, with `title`), or, without an app id or for a type the API does not list, as `source`.
struct FacebookMediaPublisher: Sendable {
    /// What a media post produced: the feed post id when the network answered it, and the media ids.
    struct Result: Sendable {
        var postID: String?
        var extra: [String: String]
    }

    let page: String
    let graph: GraphRequests
    /// The same requests on the video host (`graph-video`; the sandbox's prefix).
    let videoGraph: GraphRequests
    /// The app the Resumable Upload API sessions are opened under (the credentials' `clientID`).
    let appID: String?
    let api: APICaller
    let now: Date

    /// Facebook takes up to 10 images or one video, not both: anything else is refused before any call.
    static func refusal(_ media: [MediaFile]) -> PublishOutcome? {
        let videos = media.filter(\.isVideo).count
        if videos > 1 || (videos == 1 && media.count > 1) {
            return .invalidContent("Facebook takes up to 10 images or one video, not both")
        }
        if media.count > 10 { return .invalidContent("Facebook takes up to 10 images, not \(media.count)") }
        return nil
    }

    /// Publishes `post` with its media; only the call that makes the post live counts as a write.
    func publish(_ post: OutgoingPost) async throws(NetworkFailure) -> Result {
        if let video = post.media.first, video.isVideo { return try await publishVideo(video, post: post) }
        if post.media.count == 1 {
            let photo = try await photo(post.media[0], message: post.text, published: true)
            guard let postID = photo["post_id"].string else {
                throw NetworkFailure(.unknown("Facebook accepted the photo without a post id"))
            }
            return Result(postID: postID, extra: ["photo_id": photo["id"].string ?? ""])
        }
        var photoIDs: [String] = []
        for file in post.media {
            guard let id = try await photo(file, message: nil, published: false)["id"].string else {
                throw NetworkFailure(.transient("Facebook photo upload gave no id"))
            }
            photoIDs.append(id)
        }
        var form = [("message", post.text)]
        for (index, id) in photoIDs.enumerated() {
            form.append(("attached_media[\(index)]", String(decoding: JSON.encode(["media_fbid": id]), as: UTF8.self)))
        }
        let response = try await api.send(graph.post("\(page)/feed", form), mutates: true, classify: classify)
        guard let postID = try api.json(response, mutated: true)["id"].string else {
            throw NetworkFailure(.unknown("Facebook accepted the post without an id"))
        }
        return Result(postID: postID, extra: ["photo_ids": photoIDs.joined(separator: ",")])
    }

    private func classify(_ response: HTTPResponse) -> PublishOutcome? {
        FacebookResponseClassifier.classify(response, now: now)
    }

    /// `POST /{page}/photos`; a published photo is the post itself, an unpublished one is a harmless upload.
    private func photo(_ file: MediaFile, message: String?, published: Bool) async throws(NetworkFailure) -> JSON {
        var fields: [(String, String)] = []
        if let message { fields.append(("message", message)) }
        if !published { fields.append(("published", "false")) }
        let request = try await sending(file, to: "photos", urlField: "url", fields: fields)
        let response = try await api.send(request, mutates: published, classify: classify)
        return try api.json(response, mutated: published)
    }

    /// `POST /{page}/videos` on the video host: the answer is the video id; the feed post id is found afterwards.
    private func publishVideo(_ file: MediaFile, post: OutgoingPost) async throws(NetworkFailure) -> Result {
        let fields = [("description", post.text)]
        let request: HTTPRequest
        if let url = file.publicURL {
            request = videoGraph.post("\(page)/videos", [("file_url", url.absoluteString)] + fields)
        } else if let appID, !appID.isEmpty, GraphResumableUpload.fileTypes.contains(file.mimeType) {
            let now = now
            let upload = GraphResumableUpload(
                base: graph.base, version: graph.version, appID: appID, token: graph.token, api: api,
                classify: { FacebookResponseClassifier.classify($0, now: now) })
            let handle = try await upload.handle(for: file, bytes: try await file.bytes())
            let title = post.title.map { [("title", $0)] } ?? []
            request = videoGraph.post("\(page)/videos", title + fields + [("fbuploader_video_file_chunk", handle)])
        } else {
            request = videoGraph.upload(
                "\(page)/videos", fields, fileField: "source", file: file, bytes: try await file.bytes())
        }
        let response = try await api.send(request, mutates: true, classify: classify)
        guard let id = try api.json(response, mutated: true)["id"].string else {
            throw NetworkFailure(.unknown("Facebook accepted the video without an id"))
        }
        return Result(postID: nil, extra: ["video_id": id])
    }

    /// `POST /{page}/{edge}`: the file's public URL in `urlField`, or its bytes as the multipart part `source`.
    private func sending(
        _ file: MediaFile, to edge: String, urlField: String, fields: [(String, String)]
    ) async throws(NetworkFailure) -> HTTPRequest {
        if let url = file.publicURL { return graph.post("\(page)/\(edge)", [(urlField, url.absoluteString)] + fields) }
        return graph.upload("\(page)/\(edge)", fields, fileField: "source", file: file, bytes: try await file.bytes())
    }
}
