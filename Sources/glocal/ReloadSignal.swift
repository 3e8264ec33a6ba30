import Foundation

/// Calls a handler on each SIGHUP (`systemctl reload glocal`), one call at a time.
final class ReloadSignal: @unchecked Sendable {
    private var source: DispatchSourceSignal?
    private let queue = DispatchQueue(label: "glocal.reload")

    /// Starts listening; `handler` runs on a serial queue.
    func install(_ handler: @escaping @Sendable () -> Void) {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        source.setEventHandler(handler: handler)
        source.resume()
        self.source = source
    }
}
