import ArgumentParser
import Foundation
import GlocalCore
import GlocalNotify
import GlocalStore
import GlocalUseCases

/// `glocal run` and `glocal serve`'s notification options: the SMTP server, sender and insecure opt-in (resolved
/// with the configuration's, see ``serviceFlags``; credentials from the environment only), the digest's local hour,
/// and the address links point to. Team webhooks come from `GLOCAL_WEBHOOK_<TEAM>`.
struct NotificationOptions: ParsableArguments {
    @Option(
        help:
            "SMTP server for digests and alerts, smtp://host:port (default: $GLOCAL_SMTP_URL, else the configuration's smtp.host; none: no e-mail)."
    )
    var smtp: String?

    @Option(help: "The sender of digests and alerts (default: $GLOCAL_MAIL_FROM, else smtp.from).")
    var mailFrom: String?

    @Flag(
        help:
            "Allow an SMTP server that is not on this machine although glocal sends without TLS (also GLOCAL_SMTP_INSECURE=true, smtp.insecure: true)."
    )
    var smtpInsecure = false

    @Option(help: "Local time (HH:MM, each manager's time zone) from which the daily digest is sent.")
    var digestAt = "08:00"

    @Option(
        help:
            "The web UI's public address, for links in e-mails, the networks' sign-in redirect (<URL>/connect/<network>/callback) and the media the networks fetch (default: the address it listens on)."
    )
    var publicURL: String?

    /// These options as service settings (setting key → value), for the configuration to resolve with the others:
    /// the SMTP server, sender and insecure opt-in `glocal config check` shows are then the ones used.
    var serviceFlags: [String: String?] {
        [
            ServiceSettingKey.smtpURL.key: smtp, ServiceSettingKey.smtpFrom.key: mailFrom,
            ServiceSettingKey.smtpInsecure.key: smtpInsecure ? "true" : nil, ServiceSettingKey.publicURL.key: publicURL,
        ]
    }

    /// The digest's schedule, or why `--digest-at` cannot be one.
    static func digestSchedule(_ text: String) throws -> DigestSchedule {
        guard let schedule = DigestSchedule(parsing: text) else {
            throw ValidationError("--digest-at takes a local time as HH:MM (e.g. 08:00), not '\(text)'")
        }
        return schedule
    }

    /// The notifier's settings from the resolved `configuration` (SMTP as ``SMTPEndpoint`` decided it, its password
    /// from the variable it names), or `nil` when neither SMTP nor a webhook is configured.
    func settings(
        workspace: Workspace, configuration: ServiceConfiguration, listening: URL?, environment: [String: String]
    ) throws -> NotifierSettings? {
        let schedule = try Self.digestSchedule(digestAt)
        let smtpSettings = configuration.smtp.map { endpoint in
            SMTPSettings(endpoint: endpoint, password: configuration.smtpPasswordVariable.flatMap { environment[$0] })
        }
        let webhooks: [String: URL]
        do {
            webhooks = try WebhookSender.urls(teamIDs: workspace.settings.teams.map(\.id.value), environment: environment)
        } catch { throw CommandFailure(message: String(describing: error)) }
        let settings = NotifierSettings(
            smtp: smtpSettings, webhooks: WebhookSender(urls: webhooks), schedule: schedule,
            baseURL: configuration.publicURL ?? listening)
        return settings.isEnabled ? settings : nil
    }

    /// Starts a notifier round once a minute until `shouldStop`; `nil` when nothing is configured.
    func start(
        workspace: Workspace, store: any WorkspaceStore, configuration: ServiceConfiguration, listening: URL?,
        clock: @escaping @Sendable () -> Date, shouldStop: @escaping @Sendable () -> Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment, log: ServiceLog, node: String?
    ) throws -> Notifier? {
        guard
            let settings = try settings(
                workspace: workspace, configuration: configuration, listening: listening, environment: environment)
        else { return nil }
        let notifier = Notifier(settings: settings, workspace: workspace, store: store) { line in
            log.relay(.warning, line, node: node)
        }
        let channels = [
            settings.smtp.map { "e-mail via \($0.host):\($0.port)" },
            settings.webhooks.urls.isEmpty ? nil : "webhooks of \(settings.webhooks.urls.keys.sorted().joined(separator: ", "))",
        ]
        FileHandle.standardOutput.write(
            Data(
                "glocal: notifications on (\(channels.compactMap { $0 }.joined(separator: "; ")); digest at \(settings.schedule.text))\n"
                    .utf8))
        Task.detached {
            while !shouldStop() && !Task.isCancelled {
                do { try await notifier.runOnce(now: clock()) } catch {
                    log.roundFailed("notification round failed", error: error, node: node)
                }
                for _ in 0..<60 where !shouldStop() { try? await Task.sleep(for: .seconds(1)) }
            }
        }
        return notifier
    }
}
