import Foundation

/// Sends one request and turns transport errors and non-success answers into ``NetworkFailure``s.
struct APICaller: Sendable {
    let transport: any HTTPTransport
    let secrets: [String]

    /// Sends `request`. A lost or timed-out call that `mutates` is `.unknown`; otherwise `.transient`.
    /// `classify` is the client's outcome mapper: `nil` means success.
    func send(
        _ request: HTTPRequest, mutates: Bool, classify: (HTTPResponse) -> PublishOutcome?
    ) async throws(NetworkFailure) -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as TransportError {
            switch error {
            case .notSent: throw NetworkFailure(.transient(error.description))
            case .timedOut, .connectionLost:
                throw NetworkFailure(mutates ? .unknown("\(request): \(error)") : .transient(error.description))
            }
        } catch {
            throw NetworkFailure(mutates ? .unknown("\(request): transport error") : .transient("transport error"))
        }
        // Before the client's mapper, whose catch-all would not name the Location.
        if let redirect = HTTPRedirect(response) { throw NetworkFailure(redirect.outcome(of: request).redacting(secrets)) }
        if let failure = classify(response) { throw NetworkFailure(failure.redacting(secrets)) }
        return response
    }

    /// The body of a successful answer as JSON; an unreadable answer to a mutating call is `.unknown`.
    func json(_ response: HTTPResponse, mutated: Bool) throws(NetworkFailure) -> JSON {
        let json = JSON(data: response.body)
        guard json.exists else {
            throw NetworkFailure(mutated ? .unknown("unreadable answer after a write") : .transient("unreadable answer"))
        }
        return json
    }
}
