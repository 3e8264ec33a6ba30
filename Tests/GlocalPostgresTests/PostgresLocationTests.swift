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

    @Test func eachPartIsPercentDecodedExactlyOnceAsLibpqDoes() throws {
        // `%25` is a `%`: `a%25b` is the password a%b (it was decoded twice, to nothing, so "the URL has no password"),
        // and `%2541` is the literal %41 (it was decoded twice, to A).
        let location = try PostgresLocation(
            url: "postgres://us%25er:a%25b%2541%3A%40%2F@%64b.example:5433/my%20db%25?schema=Mixed%20Case%2541")
        #expect(location.username == "us%er")
        #expect(location.password == "a%b%41:@/")
        #expect(location.host == "db.example" && location.port == 5433)
        #expect(location.database == "my db%")
        #expect(location.schema == "Mixed Case%41")
        #expect(try PostgresLocation(url: "postgres://u:p%2525@h/d").password == "p%25")
        // A literal `@`, `?` or `#` in a password still works: it ends at the last `@` before the first `/`.
        let literal = try PostgresLocation(url: "postgres://glocal:p@ss?w#rd@127.0.0.1/glocal")
        #expect(literal.password == "p@ss?w#rd" && literal.host == "127.0.0.1" && literal.database == "glocal")
        #expect(try PostgresLocation(url: "postgres://glocal@[::1]:5433/glocal").host == "::1")
    }

    @Test func theDescriptionReadsBackAsTheSameLocation() throws {
        let location = try PostgresLocation(url: "postgres://us%25er:pw@db.example/my%20db%3F?schema=Mixed%20Case%26x")
        #expect(location.description == "postgres://us%25er@db.example:5432/my%20db%3F?schema=Mixed%20Case%26x")
        var again = try PostgresLocation(url: location.description)
        again.password = "pw"
        #expect(again == location)
    }

    @Test func aMalformedEscapeIsRefusedNamingItsPartNeverThePassword() {
        let cases: [(url: String, part: String)] = [
            ("postgres://glocal:s3cret%zz@db.example/glocal", "its password holds a '%' not followed by two hexadecimal"),
            ("postgres://glocal:s3cret%2@db.example/glocal", "its password holds a '%' not followed"),
            ("postgres://glocal:s3cret%00@db.example/glocal", "its password holds %00"),
            ("postgres://glocal:s3cret%FF@db.example/glocal", "its password is not UTF-8"),
            ("postgres://gl%ocal:s3cret@db.example/glocal", "its user name holds a '%'"),
            ("postgres://glocal:s3cret@db%.example/glocal", "its host holds a '%'"),
            ("postgres://glocal:s3cret@db.example/glo%zal", "its database name holds a '%'"),
            ("postgres://glocal:s3cret@db.example/glocal?schema=a%g1", "its value of ?schema= holds a '%'"),
            ("postgres://glocal:s3cret@db.example:notaport/glocal", "its port is not a whole number from 1 to 65535"),
            ("postgres://glocal:s3cret@db.example:70000/glocal", "its port is not a whole number"),
            ("postgres://glocal:s3/cret@db.example/glocal", "write a '/' in the user name or password as %2F"),
            ("postgres://glocal:s3cret@db.example/glocal?schema=", "its value of ?schema= is empty"),
        ]
        for (url, part) in cases {
            do {
                let location = try PostgresLocation(url: url)
                Issue.record("\(url) was read as \(location)")
            } catch {
                let message = String(describing: error)
                #expect(message.contains(part), "\(url): \(message)")
                #expect(message.contains("is not a valid PostgreSQL URL"), "\(message)")
                #expect(!message.contains("s3cret") && !message.contains("s3/cret"), "\(message)")
            }
        }
    }

    @Test func theTLSParametersAreRead() throws {
        #expect(try PostgresLocation(url: "postgres://glocal@db.example/glocal").sslMode == .prefer, "libpq's default")
        let verified = try PostgresLocation(
            url: "postgres://glocal@db.example/glocal?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        #expect(verified.sslMode == .verifyFull && verified.rootCertificate == "/etc/ca.pem")
        #expect(verified.description == "postgres://glocal@db.example:5432/glocal?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        for mode in PostgresSSLMode.allCases {
            #expect(try PostgresLocation(url: "postgres://glocal@db.example/glocal?sslmode=\(mode.rawValue)").sslMode == mode)
        }
    }

    @Test func anyOtherParameterIsRefusedByNameNotIgnored() {
        let refused: [(query: String, says: String)] = [
            (
                "sslmode=allow",
                "its value of ?sslmode= is not one glocal supports: disable, prefer, require, verify-ca, verify-full"
            ),
            ("sslmode=REQUIRE", "its value of ?sslmode= is not one glocal supports"),
            ("sslcert=/etc/client.pem", "its parameter ?sslcert= is not one glocal reads (it reads schema, host, port, sslmode"),
            ("schema=eu&application_name=glocal", "its parameter ?application_name= is not one glocal reads"),
            ("password=s3cret", "its parameter ?password= is not one glocal reads"),
            ("port=0", "its value of ?port= is not a whole number from 1 to 65535"),
        ]
        for (query, says) in refused {
            do {
                let location = try PostgresLocation(url: "postgres://glocal:s3cret@db.example/glocal?" + query)
                Issue.record("?\(query) was read as \(location)")
            } catch {
                let message = String(describing: error)
                #expect(message.contains(says), "\(query): \(message)")
                #expect(!message.contains("s3cret"), "\(message)")
            }
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
