import GlocalPostgres
import Testing

struct PostgresLocationTests {
    @Test func aURLIsReadAndItsPasswordNeverShown() throws {
        let location = try PostgresLocation(url: "postgres://glocal:s3cret@db.example:6543/brands?schema=lumiere")
        #expect(location.host == "db.example" && location.port == 6543 && location.database == "brands")
        #expect(location.username == "glocal" && location.password == "s3cret" && location.schema == "lumiere")
        #expect(location.description == "postgres://glocal@db.example:6543/brands?schema=lumiere")
        #expect(!location.description.contains("s3cret"))
    }

    @Test func aSocketDirectoryIsAUnixSocket() throws {
        let location = try PostgresLocation(url: "postgresql://postgres@/glocal?host=/run/postgresql")
        #expect(location.socketPath == "/run/postgresql/.s.PGSQL.5432")
    }

    @Test func aBadURLIsRefusedWithoutItsPassword() {
        #expect(PostgresLocation.isPostgresURL("postgres://x@h/db"))
        #expect(!PostgresLocation.isPostgresURL("glocal.sqlite"))
        do {
            _ = try PostgresLocation(url: "postgres://glocal:s3cret@db.example")
            Issue.record("a URL without a database was accepted")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("postgres://glocal:***@db.example"))
            #expect(!message.contains("s3cret"))
        }
    }

    @Test func eachSchemaWakesItsNodesOnAChannelOfItsOwn() throws {
        let database = try PostgresLocation(url: "postgres://glocal@db.example/brands")
        #expect(database.queueChannel == "glocal_queue")
        #expect(database.inSchema("lumiere_fr").queueChannel == "glocal_queue_lumiere_fr")
        let accented = database.inSchema("Lumière-FR").queueChannel
        #expect(accented.hasPrefix("glocal_queue__umi_re____"))
        #expect(accented != database.inSchema("_umi_re___").queueChannel, "a name changed to fit is told apart by its digest")
        let long = String(repeating: "brand", count: 20)
        let first = database.inSchema(long + "a").queueChannel
        let second = database.inSchema(long + "b").queueChannel
        #expect(first.utf8.count <= 63 && second.utf8.count <= 63, "PostgreSQL cuts identifiers at 63 bytes")
        #expect(first != second, "two long schemas sharing a prefix still get channels of their own")
    }
}
