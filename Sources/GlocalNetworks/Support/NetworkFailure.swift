/// A ``PublishOutcome`` carried as an error through a client's steps.
struct NetworkFailure: Error {
    /// The outcome to report.
    let outcome: PublishOutcome

    init(_ outcome: PublishOutcome) { self.outcome = outcome }
}
