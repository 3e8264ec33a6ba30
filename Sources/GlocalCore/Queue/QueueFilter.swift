import Foundation

/// What the manager's queue shows: filters (campaign, network, account, state, deadline soon), a search in
/// the text, and the page. Built from the page's GET query; a value that names nothing known is ignored and
/// listed in `problems`, so a mistyped link shows every variant with a clear note instead of none.
public struct QueueFilter: Sendable, Equatable {
    /// Variants per page.
    public static let pageSize = 50
    /// "Deadline soon": the approval deadline falls within this many seconds from now.
    public static let soonWindow: TimeInterval = 48 * 3600
    /// The states the queue can list (every state a stored variant can be in); pending approval by default.
    public static let states: [VariantState] = [
        .pendingApproval, .approved, .scheduled, .publishing, .published, .unknown, .rejected, .failed, .missed, .cancelled,
    ]

    /// Only this campaign.
    public var campaign: String?
    /// Only this network.
    public var network: Network?
    /// Only this account.
    public var account: String?
    /// The state listed.
    public var state: VariantState
    /// Only variants whose approval deadline is within `soonWindow` and not yet past.
    public var deadlineSoon: Bool
    /// Only variants whose text or title contains this (case-insensitive, whole Unicode characters).
    public var search: String?
    /// The 1-based page asked for.
    public var page: Int
    /// Query values that were ignored, in plain words.
    public var problems: [String]

    /// A filter; by default every pending variant, first page.
    public init(
        campaign: String? = nil, network: Network? = nil, account: String? = nil, state: VariantState = .pendingApproval,
        deadlineSoon: Bool = false, search: String? = nil, page: Int = 1
    ) {
        self.campaign = campaign
        self.network = network
        self.account = account
        self.state = state
        self.deadlineSoon = deadlineSoon
        self.search = search
        self.page = page
        problems = []
    }

    /// The filter a GET query names (`campaign`, `network`, `account`, `state`, `soon=1`, `q`, `page`); empty
    /// values mean "any".
    public init(query: [String: String]) {
        self.init()
        func value(_ name: String) -> String? {
            guard let raw = query[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            return raw
        }
        campaign = value("campaign")
        account = value("account")
        search = value("q")
        deadlineSoon = ["1", "on", "true", "yes"].contains(value("soon") ?? "")
        if let name = value("network") {
            if let known = Network(rawValue: name) {
                network = known
            } else {
                problems.append("Unknown network “\(name)”: ignored.")
            }
        }
        if let name = value("state") {
            if let known = VariantState(rawValue: name), Self.states.contains(known) {
                state = known
            } else {
                problems.append("Unknown state “\(name)”: showing pending approval.")
            }
        }
        if let number = value("page") {
            if let parsed = Int(number), parsed >= 1 {
                page = parsed
            } else {
                problems.append("Page “\(number)” is not a page number: showing page 1.")
            }
        }
    }

    /// Whether `variant` passes the filters (not the state: the store selects by state), given its deadline status.
    public func matches(_ variant: StoredVariant, deadline: ApprovalDeadlineStatus, now: Date) -> Bool {
        if let campaign, variant.campaignID != campaign { return false }
        if let network, variant.network != network { return false }
        if let account, variant.accountID != account { return false }
        if deadlineSoon {
            guard case .open(let due) = deadline, due.timeIntervalSince(now) <= Self.soonWindow else { return false }
        }
        if let search {
            let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
            let inText = variant.text.range(of: search, options: options) != nil
            let inTitle = variant.title.map { $0.range(of: search, options: options) != nil } ?? false
            if !inText && !inTitle { return false }
        }
        return true
    }

    /// The page of `variants` (in their order) that pass the filters; a page past the end shows the last.
    public func slice(
        of variants: [StoredVariant], deadline: (StoredVariant) -> ApprovalDeadlineStatus, now: Date
    ) -> QueueSlice {
        let matching = variants.filter { matches($0, deadline: deadline($0), now: now) }
        let pageCount = max(1, (matching.count + Self.pageSize - 1) / Self.pageSize)
        let shown = min(page, pageCount)
        let start = (shown - 1) * Self.pageSize
        let items = Array(matching[min(start, matching.count)..<min(start + Self.pageSize, matching.count)])
        return QueueSlice(items: items, total: matching.count, page: shown, pageCount: pageCount)
    }

    /// The query string (without `?`) of this filter at `page` (no page parameter for page 1), values
    /// percent-encoded; empty when nothing is filtered.
    public func query(page target: Int = 1) -> String {
        var pairs: [(String, String)] = []
        if let campaign { pairs.append(("campaign", campaign)) }
        if let network { pairs.append(("network", network.rawValue)) }
        if let account { pairs.append(("account", account)) }
        if state != .pendingApproval { pairs.append(("state", state.rawValue)) }
        if deadlineSoon { pairs.append(("soon", "1")) }
        if let search { pairs.append(("q", search)) }
        if target > 1 { pairs.append(("page", String(target))) }
        return pairs.map { "\($0)=\(PercentEncoding.component($1))" }.joined(separator: "&")
    }
}

/// One page of the filtered queue.
public struct QueueSlice: Sendable, Equatable {
    /// The variants on this page.
    public var items: [StoredVariant]
    /// How many variants pass the filters, on every page.
    public var total: Int
    /// The page shown (1-based).
    public var page: Int
    /// How many pages there are (at least 1).
    public var pageCount: Int
}
