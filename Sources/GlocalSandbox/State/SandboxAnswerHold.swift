/// The answer of one `slow` fault, held by the in-process sandbox until a test releases it, instead of for the
/// fault's `seconds`: the test learns when the post is stored (``stored()``) and decides when the answer goes out
/// (``release()``), so nothing waits on a clock. Made with ``SandboxState/holdNextSlowAnswer()``.
public actor SandboxAnswerHold {
    /// Whether the sandbox has stored the post whose answer it holds.
    public private(set) var isStored = false
    private var isReleased = false
    private var storedWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var cancelledWaiters: Set<Int> = []
    private var nextWaiter = 0
    private var releaseWaiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a hold that has stored nothing and released nothing.
    public init() {}

    /// Returns once the sandbox has stored the post whose answer it holds; returns at once if it has, or if the
    /// waiting task is cancelled.
    public func stored() async {
        if isStored { return }
        let waiter = nextWaiter
        nextWaiter += 1
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if isStored || cancelledWaiters.contains(waiter) {
                    continuation.resume()
                } else {
                    storedWaiters[waiter] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancel(waiter) }
        }
    }

    /// Lets the held answer go out (now, or as soon as it is held).
    public func release() {
        isReleased = true
        for waiter in releaseWaiters { waiter.resume() }
        releaseWaiters = []
    }

    /// Called by the sandbox once the post is stored: tells the waiters, then waits for ``release()``.
    func hold() async {
        isStored = true
        for waiter in storedWaiters.values { waiter.resume() }
        storedWaiters = [:]
        if isReleased { return }
        await withCheckedContinuation { releaseWaiters.append($0) }
    }

    private func cancel(_ waiter: Int) {
        cancelledWaiters.insert(waiter)
        storedWaiters.removeValue(forKey: waiter)?.resume()
    }
}
