import Foundation

/// Everything the sandbox remembers, in memory: posts, containers, uploads, faults, clock, audiences, rate windows.
public actor SandboxState {
    private(set) var posts: [SandboxPost] = []
    private(set) var faults: [SandboxFault] = []
    private var answerHolds: [SandboxAnswerHold] = []
    private var containers: [String: SandboxContainer] = [:]
    private var uploads: [String: SandboxUpload] = [:]
    private var videoSessions: [String: SandboxVideoSession] = [:]
    private var xMediaUploads: [String: SandboxXMediaUpload] = [:]
    private var graphUploads: [String: SandboxGraphUpload] = [:]
    private var audiences: [String: SandboxAudience] = [:]
    private var sequences: [String: Int] = [:]
    private var windows: [String: (start: Date, used: Int)] = [:]
    private var spentRefreshTokens: Set<String> = []
    private var revokedAccessTokens: Set<String> = []
    private var refreshes: [String: Int] = [:]
    private var limitOverrides: [String: Int] = [:]
    private var processingMedia: Set<String> = []
    private var names: [String: String] = [:]
    private var repoCommits: [String: String] = [:]
    private var fixedNow: Date?
    /// Whether Instagram fetches each image container's `image_url`, as Meta does (see ``setFetchesMedia(_:)``).
    private(set) var fetchesMedia = false

    /// Creates an empty state; with `now`, the clock stands still at that instant until set or advanced.
    public init(now: Date? = nil) { self.fixedNow = now }

    /// The sandbox's current instant.
    public func now() -> Date { fixedNow ?? Date() }

    /// Makes Instagram fetch each image container's `image_url` and refuse one it cannot fetch as an image, as Meta
    /// does; off by default, since most tests give a public URL that nothing serves.
    public func setFetchesMedia(_ fetches: Bool) { fetchesMedia = fetches }

    /// Stops the clock at `date`.
    public func setNow(_ date: Date) { fixedNow = date }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) { fixedNow = now().addingTimeInterval(seconds) }

    /// Forgets everything but the clock.
    public func reset() {
        posts = []
        faults = []
        answerHolds = []
        containers = [:]
        uploads = [:]
        videoSessions = [:]
        xMediaUploads = [:]
        graphUploads = [:]
        audiences = [:]
        sequences = [:]
        windows = [:]
        spentRefreshTokens = []
        revokedAccessTokens = []
        refreshes = [:]
        limitOverrides = [:]
        processingMedia = []
        names = [:]
        repoCommits = [:]
    }

    /// Replaces the limits of the named windows (`youtube/uploads`, `youtube/units`, `tiktok/posts`, …) for every account; answers all
    /// the replaced limits.
    public func setLimits(_ limits: [String: Int]) -> [String: Int] {
        limitOverrides.merge(limits) { _, new in new }
        return limitOverrides
    }

    /// The limit a window was given through ``setLimits(_:)``, if any.
    func limit(of window: String) -> Int? { limitOverrides[window] }

    /// Queues a fault.
    public func inject(_ fault: SandboxFault) { faults.append(fault) }

    /// Makes the next `slow` fault that fires hold its answer until the returned hold is released, rather than for
    /// the fault's `seconds`; each call holds one more answer, in turn. For tests in the same process, which wait on
    /// ``SandboxAnswerHold/stored()`` instead of a clock.
    public func holdNextSlowAnswer() -> SandboxAnswerHold {
        let hold = SandboxAnswerHold()
        answerHolds.append(hold)
        return hold
    }

    /// Takes the oldest hold not yet used by a `slow` fault, if any.
    func takeAnswerHold() -> SandboxAnswerHold? { answerHolds.isEmpty ? nil : answerHolds.removeFirst() }

    /// The faults still queued.
    public func pendingFaults() -> [SandboxFault] { faults }

    /// Sets an account's audience.
    public func setAudience(_ audience: SandboxAudience) { audiences["\(audience.network)/\(audience.account)"] = audience }

    /// An account's audience (UTC, peak 18:00, 1000 people unless set).
    public func audience(network: String, account: String) -> SandboxAudience {
        audiences["\(network)/\(account)"] ?? SandboxAudience(network: network, account: account)
    }

    /// Stored items, optionally of one network, in order.
    public func storedPosts(network: String? = nil) -> [SandboxPost] {
        network.map { name in posts.filter { $0.network == name } } ?? posts
    }

    /// Takes one hit of the first fault matching the call; after-store faults only on calls that store.
    func takeFault(
        network: String, account: String, path: String, afterStore: Bool, statusPoll: Bool = false, uploadSession: Bool = false
    ) -> SandboxFault? {
        guard
            let index = faults.firstIndex(where: {
                $0.matches(
                    network: network, account: account, path: path, afterStore: afterStore, statusPoll: statusPoll,
                    uploadSession: uploadSession)
            })
        else { return nil }
        let fault = faults[index]
        faults[index].count -= 1
        if faults[index].count <= 0 { faults.remove(at: index) }
        return fault
    }

    /// Revokes `token` of `network` (X's `POST /2/oauth2/revoke`): an API call carrying it is then refused.
    func revokeAccessToken(_ token: String, network: String) { revokedAccessTokens.insert("\(network) \(token)") }

    /// Whether `token` of `network` was revoked.
    func isRevoked(_ token: String, network: String) -> Bool { revokedAccessTokens.contains("\(network) \(token)") }

    /// Spends `token`, a refresh token of `network` (rotated: it serves once); `false` when it was spent already.
    func spendRefreshToken(_ token: String, network: String) -> Bool {
        guard spentRefreshTokens.insert("\(network) \(token)").inserted else { return false }
        refreshes[network, default: 0] += 1
        return true
    }

    /// How many refreshes `network`'s token route has granted.
    public func refreshesGranted(network: String) -> Int { refreshes[network] ?? 0 }

    /// The next number of a sequence (1, 2, …), for deterministic ids.
    func next(_ sequence: String) -> Int {
        sequences[sequence, default: 0] += 1
        return sequences[sequence]!
    }

    func store(_ post: SandboxPost) { posts.append(post) }

    /// Forgets a stored item (the network deleted it).
    func remove(network: String, id: String) { posts.removeAll { $0.network == network && $0.id == id } }

    /// Sets the alt text of a stored item.
    func describe(network: String, id: String, altText: String) {
        if let index = posts.firstIndex(where: { $0.network == network && $0.id == id }) { posts[index].altText = altText }
    }

    func post(network: String, id: String) -> SandboxPost? { posts.first { $0.network == network && $0.id == id } }

    func post(network: String, account: String, key: String) -> SandboxPost? {
        posts.last { $0.network == network && $0.account == account && $0.key == key }
    }

    func post(network: String, account: String, text: String, kind: String = "post") -> SandboxPost? {
        posts.first { $0.network == network && $0.account == account && $0.text == text && $0.kind == kind }
    }

    func posts(network: String, account: String) -> [SandboxPost] {
        posts.filter { $0.network == network && $0.account == account && $0.kind == "post" }.reversed()
    }

    /// Spends `cost` from the account's window of `limit` per `window` seconds; returns what is left and when it resets.
    func spend(network: String, account: String, cost: Int, limit: Int, window: TimeInterval) -> (
        remaining: Int, reset: Date, exceeded: Bool
    ) {
        let key = "\(network)/\(account)"
        let limit = limitOverrides[network] ?? limit
        let now = now()
        var current = windows[key] ?? (now, 0)
        if now >= current.start.addingTimeInterval(window) { current = (now, 0) }
        let exceeded = current.used + cost > limit
        if !exceeded { current.used += cost }
        windows[key] = current
        return (max(0, limit - current.used), current.start.addingTimeInterval(window), exceeded)
    }

    /// Remembers the account name an id (`network/id`) was derived from.
    /// Records `cid` as the current commit of the Bluesky repo `did` (after each createRecord and deleteRecord).
    func setRepoCommit(_ cid: String, of did: String) { repoCommits[did] = cid }

    /// The current commit of the Bluesky repo `did`; `nil` before its first write.
    func repoCommit(of did: String) -> String? { repoCommits[did] }

    func rememberName(_ name: String, of key: String) { names[key] = name }

    /// The account name an id (`network/id`) was derived from, if a token has named it.
    func name(of key: String) -> String? { names[key] }

    /// Marks an uploaded media item (`network/id`) as still processing, until its next status check.
    func startProcessing(_ key: String) { processingMedia.insert(key) }

    /// Whether the media item is still processing; a check finishes it (the next one finds it processed).
    func checkProcessing(_ key: String) -> Bool { processingMedia.remove(key) != nil }

    /// Whether the media is still processing, without counting a check.
    func isProcessing(_ key: String) -> Bool { processingMedia.contains(key) }

    func saveContainer(_ container: SandboxContainer) { containers[container.id] = container }

    /// When the account's containers on `network` made after `since` were made, oldest first.
    func containerTimes(network: String, account: String, since: Date) -> [Date] {
        containers.values.filter { $0.network == network && $0.account == account }.compactMap(\.createdAt)
            .filter { $0 > since }.sorted()
    }

    /// How long a container can wait to be published ("Containers expire after 24 hours").
    static let containerLifetime: TimeInterval = 86_400

    /// The container, counting one status check (a video finishes after a check or two).
    func checkContainer(_ id: String) -> SandboxContainer? {
        guard var container = container(id) else { return nil }
        if container.status == "IN_PROGRESS" {
            container.checksUntilFinished -= 1
            if container.checksUntilFinished <= 0 { container.status = "FINISHED" }
            containers[id] = container
        }
        return container
    }

    /// The container, `EXPIRED` once its lifetime has passed unpublished.
    func container(_ id: String) -> SandboxContainer? {
        guard var container = containers[id] else { return nil }
        if container.status != "PUBLISHED", let created = container.createdAt,
            now() >= created.addingTimeInterval(Self.containerLifetime)
        {
            container.status = "EXPIRED"
            containers[id] = container
        }
        return container
    }

    func saveUpload(_ upload: SandboxUpload) { uploads[upload.asset] = upload }

    func upload(asset: String) -> SandboxUpload? { uploads[asset] }

    func upload(urn: String) -> SandboxUpload? { uploads.values.first { $0.urn == urn } }

    /// Saves a YouTube upload session or a TikTok post in progress.
    func saveVideoSession(_ session: SandboxVideoSession) { videoSessions[session.id] = session }

    /// A YouTube upload session or TikTok post in progress, by its id.
    func videoSession(_ id: String) -> SandboxVideoSession? { videoSessions[id] }

    /// Forgets an upload session (it expired).
    func forgetVideoSession(_ id: String) { videoSessions[id] = nil }

    /// Saves an X chunked media upload.
    func saveXMediaUpload(_ upload: SandboxXMediaUpload) { xMediaUploads[upload.id] = upload }

    /// An X chunked media upload by media id.
    func xMediaUpload(_ id: String) -> SandboxXMediaUpload? { xMediaUploads[id] }

    /// Saves a Resumable Upload API session.
    func saveGraphUpload(_ upload: SandboxGraphUpload) { graphUploads[upload.session] = upload }

    /// A Resumable Upload API session by what follows `upload:`.
    func graphUpload(session: String) -> SandboxGraphUpload? { graphUploads[session] }

    /// The complete Resumable Upload API session that answered `handle`.
    func graphUpload(handle: String) -> SandboxGraphUpload? { graphUploads.values.first { $0.handle == handle } }
}
