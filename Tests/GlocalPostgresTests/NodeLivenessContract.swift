import Foundation
import GlocalStore
import Testing

/// What every `NodeLiveness` does (the SQLite lock files and PostgreSQL's advisory locks run the same checks): a node
/// is alive exactly while it holds its lock, a check takes nothing away, and one id cannot be held twice.
enum NodeLivenessContract {
    /// A node that never took its lock is not alive.
    static func nobodyHoldingIsNotAlive(_ liveness: any NodeLiveness) throws {
        #expect(try liveness.isAlive("node-never-started") == false)
    }

    /// A holder is alive, to any number of checks, until it lets go.
    static func aHolderIsAliveUntilItLetsGo(_ liveness: any NodeLiveness) throws {
        let lock = try liveness.hold("node-a")
        #expect(try liveness.isAlive("node-a"))
        #expect(try liveness.isAlive("node-b") == false)
        // Asking twice changes nothing: the check lets go of what it took.
        #expect(try liveness.isAlive("node-a"))
        lock.release()
        #expect(try liveness.isAlive("node-a") == false)
    }

    /// A check of a free lock leaves it free for the node to take.
    static func aCheckLeavesTheLockFree(_ liveness: any NodeLiveness) throws {
        #expect(try liveness.isAlive("node-c") == false)
        let lock = try liveness.hold("node-c")
        #expect(try liveness.isAlive("node-c"))
        withExtendedLifetime(lock) {}
    }

    /// A second hold of a live id is refused; once the first lets go it succeeds.
    static func aLiveIDCannotBeHeldTwice(_ liveness: any NodeLiveness) throws {
        let first = try liveness.hold("node-d")
        #expect(throws: NodeLivenessError.heldElsewhere(worker: "node-d")) { try liveness.hold("node-d") }
        first.release()
        // Once the first lets go (a killed node's lock goes with its process or session), the id can run again.
        let second = try liveness.hold("node-d")
        #expect(try liveness.isAlive("node-d"))
        second.release()
    }

    /// Ids with characters a file name cannot carry do not share a lock with look-alikes.
    static func idsThatAreNotFileNamesAreKeptApart(_ liveness: any NodeLiveness) throws {
        let lock = try liveness.hold("host/a:1")
        #expect(try liveness.isAlive("host/a:1"))
        #expect(try liveness.isAlive("host_a_1") == false)
        #expect(try liveness.isAlive("host/a:2") == false)
        lock.release()
    }
}
