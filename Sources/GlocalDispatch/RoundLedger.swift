import Foundation
import GlocalCore
import GlocalStore

/// The finished attempts of a dispatcher round: the outcomes still to be written, and the reports.
struct RoundLedger {
    /// A finished attempt whose outcome is not written yet.
    struct Waiting {
        var job: PublishJob
        var resolution: JobResolution
        var report: JobReport
    }

    /// Outcomes waiting for the next write, in the order they came.
    private(set) var waiting: [Waiting] = []
    /// The reports of the jobs done with, in the order they were settled.
    private(set) var reports: [JobReport] = []

    /// Takes a finished attempt. Returns false when there is nothing to write: a skipped or deferred
    /// job was put back when it started, and a lost lease writes nothing; its report is kept as is.
    mutating func add(_ job: PublishJob, start: PublishQueue.AttemptStart, report: JobReport) -> Bool {
        switch start {
        case .send, .reconcile:
            if let resolution = report.resolution {
                waiting.append(Waiting(job: job, resolution: resolution, report: report))
                return true
            }
        case .leaseLost, .skip, .deferred:
            break
        }
        reports.append(report)
        return false
    }

    /// Hands the waiting outcomes over for writing.
    mutating func takeWaiting() -> [Waiting] {
        defer { waiting = [] }
        return waiting
    }

    /// Records that `batch` was written; where `held` is false the job had been rescued and
    /// nothing of it was written.
    mutating func written(_ batch: [Waiting], held: [Bool]) {
        for (entry, stillHeld) in zip(batch, held) {
            var report = entry.report
            if !stillHeld { report.note = "lease lost" }
            reports.append(report)
        }
    }

    /// The accounts a network rate-limited in `batch` (a 429, or a post whose answer said the quota
    /// is spent), each until the latest reset it gave.
    static func rateLimits(of batch: [Waiting]) -> [String: Date] {
        var limits: [String: Date] = [:]
        for entry in batch {
            let until: Date
            switch entry.resolution {
            case .retry(let at, let reason, _) where RateLimitWait.isRateLimit(reason): until = at
            case .published(let receipt):
                guard let reset = receipt.quotaExhaustedUntil else { continue }
                until = reset
            default: continue
            }
            limits[entry.job.accountID] = max(limits[entry.job.accountID] ?? until, until)
        }
        return limits
    }
}
