import Foundation
import GlocalUseCases
import Testing

/// What `/healthz` says of a node's dispatcher: a failing round (the database away) makes it unhealthy at once, with
/// the reason; the next round that finishes makes it healthy again; rounds that stop altogether grow old.
struct DispatchRoundHealthTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func beforeAnyRoundTheNodeIsNotHealthy() {
        let health = DispatchRoundHealth().health(now: start, within: 60)
        #expect(!health.healthy && health.status == "dispatcher: no round finished yet")
    }

    @Test func aRecentRoundIsHealthyAndAnOldOneIsNot() {
        var rounds = DispatchRoundHealth()
        rounds.succeeded(at: start)
        #expect(rounds.health(now: start.addingTimeInterval(5), within: 60) == (true, "dispatcher: last round 5 s ago"))
        #expect(rounds.health(now: start.addingTimeInterval(61), within: 60).healthy == false)
    }

    @Test func failingRoundsAreReportedAtOnceWithTheirReasonUntilOneFinishes() {
        var rounds = DispatchRoundHealth()
        rounds.succeeded(at: start)
        rounds.failed(at: start.addingTimeInterval(1), reason: "PostgreSQL error connection: cannot connect to db:5432")
        rounds.failed(at: start.addingTimeInterval(4), reason: "PostgreSQL error 57P01: terminating connection")
        let failing = rounds.health(now: start.addingTimeInterval(5), within: 60)
        #expect(!failing.healthy)
        #expect(
            failing.status
                == "dispatcher: rounds failing for 4 s (last round 5 s ago): PostgreSQL error 57P01: terminating connection")
        rounds.succeeded(at: start.addingTimeInterval(6))
        #expect(rounds.health(now: start.addingTimeInterval(7), within: 60) == (true, "dispatcher: last round 1 s ago"))
        rounds.failed(at: start.addingTimeInterval(8), reason: "again")
        #expect(
            rounds.health(now: start.addingTimeInterval(9), within: 60).status.hasPrefix("dispatcher: rounds failing for 1 s"))
    }

    @Test func aReasonOverSeveralLinesIsReportedOnOne() {
        var rounds = DispatchRoundHealth()
        rounds.succeeded(at: start)
        rounds.failed(
            at: start.addingTimeInterval(1),
            reason: "SQLite error 5: database is locked - while executing `UPDATE publish_job\n    SET state = 'running'\n`")
        let status = rounds.health(now: start.addingTimeInterval(2), within: 60).status
        #expect(
            status
                == "dispatcher: rounds failing for 1 s (last round 2 s ago): SQLite error 5: database is locked - while executing "
                + "`UPDATE publish_job SET state = 'running' `")
    }

    @Test func aNodeWhoseFirstRoundsFailSaysSo() {
        var rounds = DispatchRoundHealth()
        rounds.failed(at: start, reason: "PostgreSQL error connection: cannot connect to db:5432: connection refused")
        let health = rounds.health(now: start.addingTimeInterval(2), within: 60)
        #expect(!health.healthy && health.status.contains("no round finished yet): PostgreSQL error connection"))
    }
}
