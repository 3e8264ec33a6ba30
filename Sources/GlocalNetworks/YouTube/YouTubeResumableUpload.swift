import Foundation

/// Google's resumable upload protocol for `videos.insert`: chunked `PUT`s to the session URI with `Content-Range`,
/// `308 Resume Incomplete` with the `Range` held so far, and a status query (`Content-Range: bytes */N`, no body)
/// after an interruption to learn where to resume. A 3xx here is the protocol, not a redirect, so these calls go to
/// the transport directly rather than through ``APICaller``.
struct YouTubeResumableUpload: Sendable {
    let transport: any HTTPTransport
    let requests: YouTubeRequests
    let secrets: [String]
    let now: Date
    /// Bytes per `PUT`: a multiple of 256 KiB, as Google requires of every chunk but the last.
    let chunkSize: Int
    /// Interruptions in a row, without a byte of progress, after which the upload stops (and resumes later).
    let maxStalls: Int

    /// The chunk granularity Google requires.
    static let chunkQuantum = 262_144

    /// Reads a session's answer; a failure that is not the protocol's own is classified.
    private func progress(_ response: HTTPResponse) throws(NetworkFailure) -> YouTubeUploadProgress {
        switch response.status {
        case 200, 201: return .complete(JSON(data: response.body))
        case 308:
            guard let next = YouTubeUploadProgress.nextByte(range: response.header("range")) else {
                throw NetworkFailure(.transient("YouTube answered an unreadable Range"))
            }
            return .incomplete(next: next)
        case 404, 410: return .expired
        default:
            let outcome =
                YouTubeResponseClassifier.classify(response, now: now) ?? .transient("YouTube answered HTTP \(response.status)")
            throw NetworkFailure(outcome.redacting(secrets))
        }
    }

    /// The session's state: a `PUT` with no body and `Content-Range: bytes */total`.
    func status(of session: URL, total: Int) async throws(NetworkFailure) -> YouTubeUploadProgress {
        let response: HTTPResponse
        do { response = try await transport.send(requests.put(session, bytes: Data(), contentRange: "bytes */\(total)")) } catch {
            throw NetworkFailure(
                .unknown("YouTube upload status query failed: \((error as? TransportError)?.description ?? "transport error")"))
        }
        return try progress(response)
    }

    /// Sends `bytes` from `offset` to the end, chunk by chunk, resuming from the server's `Range` after any dropped
    /// chunk; answers the created video resource, or `nil` when the session expired.
    func send(_ bytes: Data, to session: URL, from offset: Int) async throws(NetworkFailure) -> JSON? {
        var next = offset
        var stalls = 0
        while true {
            let end = min(bytes.count, next + chunkSize)
            let chunk = Data(bytes[next..<end])
            let range = chunk.isEmpty ? "bytes */\(bytes.count)" : "bytes \(next)-\(end - 1)/\(bytes.count)"
            let answer: YouTubeUploadProgress
            var interrupted = false
            do {
                answer = try progress(try await transport.send(requests.put(session, bytes: chunk, contentRange: range)))
            } catch let failure as NetworkFailure {
                throw failure
            } catch {
                // The chunk may or may not have arrived: ask the session where it stands.
                stalls += 1
                interrupted = true
                guard stalls < maxStalls else {
                    throw NetworkFailure(.unknown("YouTube upload interrupted at byte \(next) of \(bytes.count)"))
                }
                answer = try await status(of: session, total: bytes.count)
            }
            switch answer {
            case .complete(let video): return video
            case .expired: return nil
            case .incomplete(let held):
                // An interruption is one stall, counted above; the status after it does not count it again.
                if held > next { stalls = 0 } else if !interrupted { stalls += 1 }
                guard held <= bytes.count else { throw NetworkFailure(.transient("YouTube holds more bytes than were sent")) }
                guard stalls < maxStalls else {
                    throw NetworkFailure(.unknown("YouTube upload made no progress at byte \(held) of \(bytes.count)"))
                }
                next = held
            }
        }
    }
}
