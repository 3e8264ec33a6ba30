import Foundation
import GlocalCore

/// The Instagram/Threads flow: create a container, record it as pending, wait for `FINISHED`, publish it.
/// A saved container is resumed, and one already `PUBLISHED` is a duplicate, never published twice.
struct ContainerFlow: Sendable {
    let style: ContainerStyle
    let graph: GraphRequests
    let api: APICaller
    let userID: String
    let classify: @Sendable (HTTPResponse) -> PublishOutcome?
    let pollInterval: Duration
    let maxPolls: Int

    func status(of container: String) async throws(NetworkFailure) -> (status: String, message: String?) {
        let response = try await api.send(
            graph.get(container, [("fields", "\(style.statusField),\(style.errorField),id")]), mutates: false,
            classify: classify)
        let json = try api.json(response, mutated: false)
        return (json[style.statusField].string ?? "UNKNOWN", json[style.errorField].string)
    }

    private func create(_ form: [(String, String)]) async throws(NetworkFailure) -> String {
        // A container is invisible until published, so a lost answer here cannot double-post.
        let response = try await api.send(graph.post("\(userID)/\(style.mediaEdge)", form), mutates: false, classify: classify)
        guard let id = try api.json(response, mutated: false)["id"].string else {
            throw NetworkFailure(.transient("\(style.name) created a container without an id"))
        }
        return id
    }

    func run(text: String, forms: ContainerForms, pending: PublishReceipt?, onPending: PendingRecorder) async -> PublishOutcome {
        do {
            if let container = pending?.extra["container_id"] {
                let (status, _) = try await status(of: container)
                if status == "PUBLISHED" { return .duplicate(try await published(container: container, text: text)) }
                if status == "FINISHED" || status == "IN_PROGRESS" { return try await finish(container) }
            }
            var main = forms.main
            if !forms.children.isEmpty {
                var ids: [String] = []
                for child in forms.children { ids.append(try await create(child)) }
                main.append(("children", ids.joined(separator: ",")))
            }
            let container = try await create(main)
            do { try await onPending(PublishReceipt(remoteID: container, extra: ["container_id": container])) } catch {
                return .transient("could not record the pending container")
            }
            return try await finish(container)
        } catch { return error.outcome }
    }

    private func finish(_ container: String) async throws(NetworkFailure) -> PublishOutcome {
        var polls = 0
        var refused: NetworkFailure? = nil
        while true {
            let (status, message) = try await status(of: container)
            switch status {
            case "FINISHED":
                if let refused { throw refused }
                let response: HTTPResponse
                do {
                    response = try await api.send(
                        graph.post("\(userID)/\(style.publishEdge)", [("creation_id", container)]), mutates: true,
                        classify: classify)
                } catch {
                    switch error.outcome {
                    case .transient(let reason):
                        // A passing failure of the publish call itself (a 5xx, Meta's codes 1 and 2) does not say the
                        // post is not out: the next attempt asks the container's status before publishing anything.
                        return .unknown("\(style.name) publishing container \(container) failed: \(reason)")
                    case .invalidContent:
                        // Meta refuses a container that is no longer ready (error 9007, "Media ID is not available"):
                        // it may have expired or be processing again since its status was read; that status decides.
                        refused = error
                        continue
                    default: throw error
                    }
                }
                guard let id = try api.json(response, mutated: true)["id"].string else {
                    return .unknown("\(style.name) published without an id")
                }
                return .published(PublishReceipt(remoteID: id, extra: ["container_id": container]))
            case "PUBLISHED": return .duplicate(try await published(container: container, text: nil))
            case "IN_PROGRESS" where polls < maxPolls:
                polls += 1
                refused = nil
                try? await Task.sleep(for: pollInterval)
            case "IN_PROGRESS": return .transient("\(style.name) container \(container) is still processing")
            case "EXPIRED":
                // Never published (containers expire after 24 hours unpublished): the next attempt, resuming, finds it
                // expired and makes a new one, so nothing can go out twice.
                return .transient(
                    "\(style.name) container \(container) expired before it was published; the next attempt makes a new one")
            default: return .invalidContent("\(style.name) container \(status): \(message ?? "no reason given")")
            }
        }
    }

    /// The receipt of a container that is already published: the matching recent post, else the container alone.
    private func published(container: String, text: String?) async throws(NetworkFailure) -> PublishReceipt {
        if let text, let found = try await recent(matching: text) {
            return PublishReceipt(
                remoteID: found.remoteID, url: found.url, extra: ["container_id": container], createdAt: found.createdAt)
        }
        return PublishReceipt(remoteID: container, extra: ["container_id": container, "media_unresolved": "true"])
    }

    /// The account's recent post whose text matches.
    func recent(matching text: String) async throws(NetworkFailure) -> PublishReceipt? {
        let request = graph.get(
            "\(userID)/\(style.mediaEdge)", [("fields", "id,\(style.textField),permalink,timestamp"), ("limit", "25")])
        let response = try await api.send(request, mutates: false, classify: classify)
        for item in try api.json(response, mutated: false)["data"].array
        where PostTextMatcher.matches(text, item[style.textField].string ?? "") {
            if let id = item["id"].string {
                return PublishReceipt(
                    remoteID: id, url: item["permalink"].string, createdAt: NetworkTimestamp.date(from: item["timestamp"].string))
            }
        }
        return nil
    }

    /// Reconciliation: a pending container that is not `PUBLISHED` means not found (resume it); otherwise the recent posts.
    func lookUp(text: String, pending: PublishReceipt?) async -> LookUpOutcome {
        do {
            if let container = pending?.extra["container_id"] {
                guard try await status(of: container).status == "PUBLISHED" else { return .notFound }
                return .found(try await published(container: container, text: text))
            }
            return try await recent(matching: text).map(LookUpOutcome.found) ?? .notFound
        } catch { return .failed(error.outcome) }
    }

    /// `/{media}/insights?metric=…` as counters.
    func insights(of mediaID: String, metrics: String, fetchedAt: Date) async -> MetricsOutcome {
        do {
            let response = try await api.send(
                graph.get("\(mediaID)/insights", [("metric", metrics)]), mutates: false, classify: classify)
            return .fetched(
                EngagementMetrics(counters: GraphInsights.counters(try api.json(response, mutated: false)), fetchedAt: fetchedAt))
        } catch { return .failed(error.outcome) }
    }
}
