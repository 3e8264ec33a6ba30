import ArgumentParser
import Foundation
import GlocalCore
import GlocalUseCases

/// `glocal explain VARIANT`: why this instant was chosen.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain why a variant got its slot: window, gaps, caps, stagger, holidays or quiet hours skipped.",
        discussion: "VARIANT is campaign/post/account, e.g. hydra-launch/launch/lumiere-fr-x.")

    @Argument(help: "The variant id: campaign/post/account.")
    var variant: String

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let result = try PlanPipeline(access: options.access(), now: options.instant()).run()
        guard let item = result.scheduled.first(where: { $0.variant.id == variant }) else {
            let ids = result.scheduled.map(\.variant.id)
            let hint = Suggestion.closest(to: variant, in: ids).map { " (did you mean '\($0)'?)" } ?? ""
            throw CommandFailure(message: "no variant '\(variant)' in the plan\(hint); ids are campaign/post/account")
        }
        let change = result.plan.changes.first { $0.id == variant }
        var lines = ["\(variant)"]
        if let slot = item.slot {
            let zone = TimeZone(identifier: slot.timeZone) ?? TimeZone(identifier: "UTC")!
            let utc = ISO8601DateFormatter().string(from: slot.instant)
            lines.append(
                "  slot: \(slot.date.weekdayAbbreviation) \(slot.date) \(slot.time) \(slot.timeZone) (UTC\(slot.offsetDescription(in: zone))) = \(utc)"
            )
        } else {
            lines.append("  slot: live — published as soon as it is approved")
        }
        if let change {
            lines.append("  plan: \(change.action.rawValue)\(change.resultingState.map { ", state \($0.rawValue)" } ?? "")")
        }
        lines.append("  because:")
        let holdout = Holdout.reason(
            for: variant, explanation: item.explanation, share: result.learned.holdoutShare)
        for reason in item.explanation + (holdout.map { [$0] } ?? []) { lines.append("    \(reason.rule): \(reason.detail)") }
        lines.append("  spread: " + result.spreadSummary(of: item))
        lines.append("  learned score: " + Self.learnedScore(item, model: result.learned))
        if let note = try? PublishingNote.of(variant, in: options.access().openStore(.existing)) {
            lines.append("  publishing: \(note)")
        }
        print(TerminalText.safe(lines.joined(separator: "\n")))
    }

    /// The learned estimate of the slot's bucket, or why there is none.
    static func learnedScore(_ item: ScheduledVariant, model: LearnedTiming) -> String {
        guard let estimates = model.estimates(account: item.variant.accountID, network: item.variant.network) else {
            return "none yet (timing learns from engagement once posts are published)"
        }
        guard let slot = item.slot else { return "none (a live post has no slot)" }
        let bucket = TimingBucket(weekday: slot.date.isoWeekday, time: slot.time)
        let source =
            estimates.accountID == "*"
            ? "the \(item.variant.network.displayName) pool" : "\(estimates.posts) scored posts of the account"
        guard let estimate = estimates.buckets[bucket] else { return "bucket \(bucket) has no estimate (outside the windows)" }
        return String(
            format: "bucket %@ %+.2f ± %.2f from %@ (default table: %+.2f); best bucket %@", bucket.description, estimate.mean,
            estimate.variance.squareRoot(), source, estimates.prior[bucket] ?? 0, estimates.best?.description ?? "-")
    }
}
