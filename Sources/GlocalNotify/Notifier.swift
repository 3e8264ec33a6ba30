import Foundation
import GlocalCore
import GlocalStore

/// Tells people what matters: each round scans the store for posts that failed and accounts that
/// need reconnecting (alerts to the managers of the account's teams and to the teams' webhooks),
/// writes each manager's daily digest once their local hour has come, then sends what the outbox
/// holds, retrying failures. Every decision is recorded in the store, so a restart sends nothing
/// twice; time is whatever the caller passes.
public struct Notifier: Sendable {
    /// What to send and how.
    public let settings: NotifierSettings
    private let workspace: Workspace
    private let store: any WorkspaceStore
    private let notifications: any NotificationOutbox
    private let audience: NotificationAudience
    private let log: @Sendable (String) -> Void

    /// A notifier for `workspace`'s teams over `store`; `log` gets one line per failed send.
    public init(
        settings: NotifierSettings, workspace: Workspace, store: any WorkspaceStore,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.settings = settings
        self.workspace = workspace
        self.store = store
        self.notifications = store.notifications
        self.audience = NotificationAudience(teams: workspace.settings.teams)
        self.log = log
    }

    /// What one round did.
    public struct Round: Sendable, Equatable {
        /// Messages added to the outbox.
        public var enqueued = 0
        /// Messages sent.
        public var sent = 0
        /// Attempts that failed.
        public var failedAttempts = 0
    }

    /// One round at `now`: scan, digest, deliver.
    @discardableResult
    public func runOnce(now: Date) async throws -> Round {
        var round = Round()
        let managers = try managerPreferences()
        round.enqueued += try notifications.scanFailures(now: now) { failures in
            failures.flatMap { post in
                messages(
                    AlertComposer.failed(post, base: settings.baseURL), key: "alert:failed:\(post.auditID)",
                    account: post.accountID, managers: managers)
            }
        }
        round.enqueued += try notifications.scanReconnects(now: now) { needs in
            needs.flatMap { need in
                let since = need.since.map { String(Int($0.timeIntervalSince1970)) } ?? "0"
                return messages(
                    AlertComposer.reconnect(need, base: settings.baseURL), key: "alert:reconnect:\(need.accountID):\(since)",
                    account: need.accountID, managers: managers)
            }
        }
        if settings.smtp != nil { round.enqueued += try writeDigests(now: now, managers: managers) }
        let (sent, failed) = try await deliver(now: now)
        round.sent = sent
        round.failedAttempts = failed
        return round
    }

    /// One line for `/healthz` and the log: the outbox's state.
    public func status() -> String {
        guard let summary = try? notifications.summary() else { return "notifications: outbox unreadable" }
        var text = "notifications: \(summary.sent) sent, \(summary.pending) waiting"
        if summary.retrying > 0 { text += " (\(summary.retrying) being retried)" }
        if summary.failed > 0 { text += ", \(summary.failed) given up" }
        if let error = summary.lastError, summary.retrying + summary.failed > 0 { text += "; last error: \(error)" }
        return text
    }

    /// Manager users and their preferences, by address.
    private func managerPreferences() throws -> [String: NotificationPreferences] {
        var result: [String: NotificationPreferences] = [:]
        for user in try store.users.users() where user.role == .manager {
            result[user.email] = try notifications.preferences(of: user.email)
        }
        return result
    }

    /// The e-mails (managers with alerts on) and webhook posts (teams with a URL) of one alert.
    private func messages(
        _ alert: AlertComposer.Alert, key: String, account: String, managers: [String: NotificationPreferences]
    ) -> [OutboxMessage] {
        var messages: [OutboxMessage] = []
        if settings.smtp != nil {
            for email in audience.managers(of: account) where managers[email]?.alerts == true {
                messages.append(
                    OutboxMessage(
                        dedupeKey: "\(key):mail:\(email)", channel: .mail, recipient: email, subject: alert.subject,
                        textBody: alert.text, htmlBody: alert.html))
            }
        }
        for team in audience.teams(covering: account) where settings.webhooks.urls[team] != nil {
            messages.append(
                OutboxMessage(
                    dedupeKey: "\(key):webhook:\(team)", channel: .webhook, recipient: team, subject: alert.subject,
                    textBody: AlertComposer.webhookText(alert)))
        }
        return messages
    }

    /// Records and enqueues the digest of every manager whose local hour has come today.
    private func writeDigests(now: Date, managers: [String: NotificationPreferences]) throws -> Int {
        let zones = Dictionary(
            uniqueKeysWithValues: workspace.accounts.map { account in
                (account.id.value, workspace.timeZone(of: account))
            })
        var due: [(scope: ApprovalScope, day: String)] = []
        for (email, preferences) in managers.sorted(by: { $0.key < $1.key }) where preferences.digest {
            let scope = ApprovalScope(email: email, role: .manager, teams: workspace.settings.teams)
            guard !scope.teams.isEmpty,
                let day = settings.schedule.dueDay(at: now, in: audience.digestTimeZone(for: scope, accountZones: zones)),
                try !notifications.digestRecorded(email: email, day: day)
            else { continue }
            due.append((scope, day))
        }
        guard !due.isEmpty else { return 0 }
        let pending = try store.variants(in: .pendingApproval, visible: { _ in true }).compactMap {
            variant -> DigestComposer.Pending? in
            let deadline = ApprovalPolicy(campaignID: variant.campaignID, in: workspace).deadline(forSlot: variant.scheduledAt)
            if let deadline, deadline <= now { return nil }
            return DigestComposer.Pending(
                variantID: variant.id, accountID: variant.accountID, campaignID: variant.campaignID, text: variant.text,
                deadline: deadline, timeZone: variant.timeZone)
        }
        let failed = try notifications.failedPosts(since: now.addingTimeInterval(-86_400))
        let reconnects = try notifications.reconnectNeeds()
        var added = 0
        for (scope, day) in due {
            let digest = DigestComposer(
                day: day, pending: pending.filter { scope.canSee(account: $0.accountID) },
                failed: failed.filter { scope.canSee(account: $0.accountID) },
                reconnects: reconnects.filter { scope.canSee(account: $0.accountID) }, base: settings.baseURL, now: now)
            let message =
                digest.items == 0
                ? nil
                : OutboxMessage(
                    dedupeKey: "digest:\(scope.email):\(day)", channel: .mail, recipient: scope.email, subject: digest.subject,
                    textBody: digest.text, htmlBody: digest.html)
            if try notifications.recordDigest(email: scope.email, day: day, items: digest.items, message: message, now: now),
                message != nil
            {
                added += 1
            }
        }
        return added
    }

    /// Sends the due messages; a failure is retried later or, after the last delay, given up on
    /// and logged. Returns how many went out and how many attempts failed.
    private func deliver(now: Date) async throws -> (sent: Int, failed: Int) {
        var (sent, failed) = (0, 0)
        for message in try notifications.due(now: now, limit: 50) {
            guard try notifications.claim(message.id, now: now, lease: 300) else { continue }
            do {
                switch message.channel {
                case .mail:
                    guard let smtp = settings.smtp else { throw SMTPError.invalidMessage("no SMTP server is configured") }
                    let mail = MailMessage(
                        from: smtp.from, to: message.recipient, subject: message.subject, text: message.textBody,
                        html: message.htmlBody ?? "<p>\(HTMLEscaping.escape(message.textBody))</p>",
                        messageID: "glocal.\(message.id).\(stableHash(message.dedupeKey))@\(domain(of: smtp.from))")
                    try await SMTPClient(settings: smtp).send(mail, date: now)
                case .webhook:
                    try await settings.webhooks.post(text: message.textBody, team: message.recipient)
                }
                try notifications.markSent(message.id, now: now)
                sent += 1
            } catch {
                failed += 1
                let delay = message.attempts < settings.retryDelays.count ? settings.retryDelays[message.attempts] : nil
                try notifications.markFailed(
                    message.id, error: String(describing: error), retryAt: delay.map { now.addingTimeInterval($0) }, now: now)
                let what = message.channel == .mail ? "e-mail to \(message.recipient)" : "webhook of team \(message.recipient)"
                log(
                    "glocal: notification #\(message.id) (\(what)) failed: \(error)"
                        + (delay.map { "; retried in \(Int($0)) s" } ?? "; given up after \(message.attempts + 1) attempts"))
            }
        }
        return (sent, failed)
    }

    /// FNV-1a of `text` in hex: the same across processes (unlike `hashValue`), so a resend keeps its Message-ID.
    private func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    private func domain(of address: String) -> String {
        let bare = SMTPSettings.envelopeAddress(address)
        return bare.split(separator: "@").last.map(String.init) ?? "glocal.localhost"
    }
}
