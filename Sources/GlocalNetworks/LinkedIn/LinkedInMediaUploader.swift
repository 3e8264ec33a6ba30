import Foundation

/// LinkedIn media for `/rest/posts` `content`. Images: `POST /rest/images?action=initializeUpload` → `PUT` the bytes to
/// the answered `uploadUrl` → `content.media {id, altText}` (one) or `content.multiImage.images` (2–20).
/// A video: `POST /rest/videos?action=initializeUpload` with its size → `PUT` each part of the upload instructions
/// (keeping the `ETag`s) → `POST /rest/videos?action=finalizeUpload` → `content.media {id, title}`.
/// Uploads are not writes that need reconciling: an orphan asset is harmless, so every failure here is retryable.
struct LinkedInMediaUploader: Sendable {
    let requests: LinkedInRequests
    let api: APICaller
    let now: Date

    /// LinkedIn takes 1 to 20 images or one video, not both: anything else is refused before any call.
    static func refusal(_ media: [MediaFile]) -> PublishOutcome? {
        let videos = media.filter(\.isVideo).count
        if videos > 1 || (videos == 1 && media.count > 1) {
            return .invalidContent("LinkedIn takes up to 20 images or one video, not both")
        }
        if media.count > 20 { return .invalidContent("LinkedIn takes up to 20 images, not \(media.count)") }
        return nil
    }

    /// Uploads `media` for `owner` (the post's author) and answers the post's `content`.
    func content(for media: [MediaFile], owner: String, title: String?) async throws(NetworkFailure) -> [String: Any] {
        if media.count == 1, media[0].isVideo {
            var entry: [String: Any] = ["id": try await video(media[0], owner: owner)]
            if let title, !title.isEmpty { entry["title"] = title }
            return ["media": entry]
        }
        var images: [[String: Any]] = []
        for file in media {
            var entry: [String: Any] = ["id": try await image(file, owner: owner)]
            if let alt = file.altText, !alt.isEmpty { entry["altText"] = alt }
            images.append(entry)
        }
        return images.count == 1 ? ["media": images[0]] : ["multiImage": ["images": images]]
    }

    private func classify(_ response: HTTPResponse) -> PublishOutcome? {
        LinkedInResponseClassifier.classify(response, now: now)
    }

    private func initialize(_ kind: String, _ request: [String: Any]) async throws(NetworkFailure) -> JSON {
        let call = requests.request(
            "POST", "/rest/\(kind)", query: [("action", "initializeUpload")], json: ["initializeUploadRequest": request])
        return try api.json(try await api.send(call, mutates: false, classify: classify), mutated: false)["value"]
    }

    private func image(_ file: MediaFile, owner: String) async throws(NetworkFailure) -> String {
        let bytes = try await file.bytes()
        let value = try await initialize("images", ["owner": owner])
        guard let urn = value["image"].string, let url = value["uploadUrl"].string.flatMap(URL.init(string:)) else {
            throw NetworkFailure(.transient("LinkedIn gave no upload URL for \(file.path)"))
        }
        _ = try await api.send(requests.upload(url, bytes: bytes, mimeType: file.mimeType), mutates: false, classify: classify)
        return urn
    }

    private func video(_ file: MediaFile, owner: String) async throws(NetworkFailure) -> String {
        let bytes = try await file.bytes()
        let value = try await initialize(
            "videos", ["owner": owner, "fileSizeBytes": bytes.count, "uploadCaptions": false, "uploadThumbnail": false])
        guard let urn = value["video"].string else { throw NetworkFailure(.transient("LinkedIn gave no video URN")) }
        var etags: [String] = []
        for instruction in value["uploadInstructions"].array {
            guard let url = instruction["uploadUrl"].string.flatMap(URL.init(string:)),
                let first = instruction["firstByte"].int, let last = instruction["lastByte"].int,
                first >= 0, first <= last, last < bytes.count
            else { throw NetworkFailure(.transient("LinkedIn gave unusable upload instructions for \(file.path)")) }
            let part = Data(bytes.dropFirst(first).prefix(last - first + 1))
            let answer = try await api.send(
                requests.upload(url, bytes: part, mimeType: "application/octet-stream"), mutates: false, classify: classify)
            guard let etag = answer.header("etag") else { throw NetworkFailure(.transient("LinkedIn gave no ETag for a part")) }
            etags.append(etag)
        }
        guard !etags.isEmpty else { throw NetworkFailure(.transient("LinkedIn gave no upload instructions")) }
        let finalize: [String: Any] = [
            "finalizeUploadRequest": ["video": urn, "uploadToken": value["uploadToken"].string ?? "", "uploadedPartIds": etags]
        ]
        _ = try await api.send(
            requests.request("POST", "/rest/videos", query: [("action", "finalizeUpload")], json: finalize), mutates: false,
            classify: classify)
        return urn
    }
}
