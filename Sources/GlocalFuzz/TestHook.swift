import Foundation

/// A test-only fault injected into the worker through `GLOCAL_FUZZ_TEST_HOOK`, so tests can check that the
/// driver reports what it must: `trap@N` traps on iteration N, `hang@N` never finishes it, `slow@N:MS` takes
/// MS milliseconds and then succeeds, `exit2@N` reports an internal error. Unset in real runs.
struct TestHook {
    enum Action: Equatable {
        case trap, hang, exit2
        case slow(milliseconds: Int)
    }

    var action: Action?
    var iteration: UInt64 = 0

    init(environment: [String: String]) {
        guard let value = environment["GLOCAL_FUZZ_TEST_HOOK"] else { return }
        let parts = value.split(separator: "@", maxSplits: 1)
        guard parts.count == 2 else { return }
        let where_ = parts[1].split(separator: ":")
        guard let number = UInt64(where_[0]) else { return }
        iteration = number
        switch parts[0] {
        case "trap": action = .trap
        case "hang": action = .hang
        case "exit2": action = .exit2
        case "slow": action = .slow(milliseconds: where_.count > 1 ? Int(where_[1]) ?? 0 : 0)
        default: break
        }
    }

    /// The hook's effect on `iteration`: `nil` to run the real probe.
    func intercept(iteration: UInt64) -> ValidationProbe.Outcome? {
        guard let action, iteration == self.iteration else { return nil }
        switch action {
        case .trap:
            let values: [Int] = []
            return .init(exitCode: Int32(values[Int(iteration)]), diagnostics: 0, problem: nil)
        case .hang:
            while true { sleep(1) }
        case .exit2:
            return .init(exitCode: 1, diagnostics: 0, problem: .init(kind: .exit2, signature: "test hook: internal error"))
        case let .slow(milliseconds):
            usleep(useconds_t(milliseconds * 1_000))
            return .init(exitCode: 1, diagnostics: 0, problem: nil)
        }
    }
}
