import Foundation
import GlocalCore

/// How a dispatcher process runs.
public struct DispatchConfiguration: Sendable {
    /// This worker's name in leases (unique per process: host and pid by default).
    public var worker: String
    /// Jobs sent at the same time.
    public var concurrency: Int
    /// How long a claim holds before the rescuer may hand the job to another worker.
    public var lease: TimeInterval
    /// How often held leases are renewed while jobs run (well under `lease`).
    public var heartbeat: TimeInterval
    /// How late a slot may still be published; older slots become `missed` (a pause, a stop).
    public var grace: TimeInterval
    /// Backoff and attempt limit.
    public var policy: RetryPolicy

    /// Creates a configuration.
    public init(
        worker: String, concurrency: Int = 4, lease: TimeInterval = 120, heartbeat: TimeInterval = 30,
        grace: TimeInterval = 900, policy: RetryPolicy = .standard
    ) {
        self.worker = worker
        self.concurrency = max(1, concurrency)
        self.lease = lease
        self.heartbeat = heartbeat
        self.grace = grace
        self.policy = policy
    }

    /// A worker name unique to this process.
    public static func defaultWorker() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
    }
}
