import Foundation
import GlocalPostgres
import PostgresNIO
import Testing

/// A connection that cannot be opened says why in words a person can act on, naming the address but never the
/// password: nothing listening, a host name that does not resolve, a server asking for a password the URL lacks.
/// (No PostgreSQL server needed: nothing listens on port 1 of the loopback.)
struct PostgresConnectFailureTests {
    @Test func nothingListeningIsAConnectionRefusedAtThatAddress() throws {
        let location = try PostgresLocation(url: "postgres://glocal:s3cret@127.0.0.1:1/glocal")
        let message = try Self.failure(opening: location)
        #expect(message.hasPrefix("PostgreSQL error connection: cannot connect to 127.0.0.1:1: connection refused"), "\(message)")
        #expect(!message.contains("s3cret") && !message.contains("lost"), "\(message)")
    }

    @Test func aHostNameThatDoesNotResolveIsNamed() throws {
        let location = try PostgresLocation(url: "postgres://glocal@db.nowhere.invalid:5432/glocal")
        let message = try Self.failure(opening: location)
        #expect(message.contains("cannot connect to db.nowhere.invalid:5432:"), "\(message)")
        #expect(message.contains("does not resolve") || message.contains("no address"), "\(message)")
    }

    @Test func aMissingSocketIsNamed() throws {
        let location = try PostgresLocation(url: "postgres://glocal@/glocal?host=/nonexistent-glocal-socket-dir")
        let message = try Self.failure(opening: location)
        #expect(message.contains("cannot connect to /nonexistent-glocal-socket-dir/.s.PGSQL.5432: no such socket"), "\(message)")
    }

    @Test func aServerAskingForAPasswordTheURLLacksIsToldSo() {
        let message = PostgresConnectFailure.message(
            code: .authMechanismRequiresPassword, underlying: nil, place: "127.0.0.1:5432")
        #expect(
            message
                == "the server at 127.0.0.1:5432 asks for a password and the URL has none (postgres://USER:PASSWORD@HOST/DATABASE)"
        )
    }

    /// The error opening a store at `location` throws.
    static func failure(opening location: PostgresLocation) throws -> String {
        do {
            _ = try PostgresStore(location: location, poolSize: 1)
        } catch {
            return String(describing: error)
        }
        Issue.record("a store opened at \(location)")
        return ""
    }
}
