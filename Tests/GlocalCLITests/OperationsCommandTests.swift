import Foundation
import GlocalCore
import GlocalTestSupport
import Testing

/// `glocal config check`, a service refusing a bad configuration, `glocal store backup`/`restore` and
/// `glocal accounts export`/`import`, through the real binary.
@Suite struct OperationsCommandTests {
    /// Runs glocal in `directory` with exactly `environment` (plus PATH and HOME).
    static func glocal(_ arguments: [String], in directory: URL, environment: [String: String] = [:], input: String? = nil) throws
        -> (status: Int32, output: String, error: String)
    {
        let inherited = ProcessInfo.processInfo.environment
        let fixed = ["PATH": inherited["PATH"] ?? "/usr/bin", "HOME": inherited["HOME"] ?? "/tmp"]
        return try GlocalProcess.run(
            arguments, in: directory, environment: environment.merging(fixed) { a, _ in a }, input: input)
    }

    /// A secret key as the service takes it: base64 of 32 bytes.
    static let storeKey = Data((0..<32).map { UInt8($0 * 7 % 256) }).base64EncodedString()

    static let serviceFile = """
        listen: {host: 127.0.0.1, port: 8181}
        public_url: https://glocal.example.com
        secret_key: {env: STORE_KEY}
        smtp: {host: mail.example.com, port: 587, insecure: true, from: glocal@example.com, user: glocal, password_env: SMTP_PASS}
        log: {format: json, level: info}
        networks:
          x: {client_id_env: X_ID, client_secret_env: X_SECRET}
        """

    /// A configuration file that is a FIFO (reading it would wait for a writer), a device or a folder is named for
    /// what it is, exit 2, at once; a listen host that cannot be one is refused before the service would fail to start.
    @Test func configCheckNamesWhatAConfigurationPathIsAndRefusesABadHost() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let fifo = workspace.root.appendingPathComponent("service.fifo")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let folder = workspace.root.appendingPathComponent("service.d")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, kind) in [(fifo.path, "a named pipe (FIFO)"), ("/dev/zero", "a character device"), (folder.path, "a folder")] {
            let (status, _, error) = try Self.glocal(["config", "check", "--config", path], in: workspace.root)
            #expect(status == 2)
            #expect(error.contains("cannot read \(path): it is \(kind), not a regular file"), "\(error)")
        }
        let (status, output, _) = try Self.glocal(["config", "check", "--host", "127.0.0.1 evil"], in: workspace.root)
        #expect(status != 0, "\(output)")
        #expect(output.contains("is not a host name or an IP address"), "\(output)")
    }

    @Test func configCheckPrintsSourcesAndMasksSecrets() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try Data(Self.serviceFile.utf8).write(to: workspace.root.appendingPathComponent("glocal-service.yaml"))
        let secrets = [
            "STORE_KEY": Self.storeKey, "SMTP_PASS": "smtp-pass-value", "X_ID": "xid-value", "X_SECRET": "xsecret-value",
        ]
        let (status, output, _) = try Self.glocal(
            ["config", "check", "--port", "9191"], in: workspace.root,
            environment: secrets.merging(["GLOCAL_LOG_LEVEL": "debug"]) { a, _ in a })
        #expect(status == 0, "\(output)")
        for value in secrets.values { #expect(!output.contains(value)) }
        #expect(output.contains("configuration: glocal-service.yaml"))
        #expect(output.contains(/listen\.port +9191 +\(flag --port\)/))
        #expect(output.contains(/log\.level +debug +\(env GLOCAL_LOG_LEVEL\)/))
        #expect(output.contains(/log\.format +json +\(file glocal-service\.yaml:5:15\)/))
        #expect(output.contains("X_SECRET (set, value hidden)"))
        #expect(output.hasSuffix("configuration ok\n"))
    }

    @Test func aServiceRefusesToStartWhenTheFileNamesAMissingVariable() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try Data(Self.serviceFile.utf8).write(to: workspace.root.appendingPathComponent("service.yaml"))
        let environment = ["STORE_KEY": Self.storeKey, "SMTP_PASS": "p", "X_ID": "i"]
        let (status, _, error) = try Self.glocal(
            ["serve", "--config", "service.yaml", "--port", "0"], in: workspace.root, environment: environment)
        #expect(status == 2)
        #expect(
            error.contains(
                "service.yaml:7:47: error[config.env-missing]: networks.x.client_secret_env names X_SECRET, "
                    + "which is not set in the environment"
            ))
        #expect(error.contains("glocal: error: the service configuration has 1 error; `glocal config check` shows it"))
        let (checked, output, _) = try Self.glocal(
            ["config", "check", "--config", "service.yaml"], in: workspace.root, environment: environment)
        #expect(checked == 1)
        #expect(output.contains("1 error in the configuration"))
    }

    @Test func backupAndRestoreThroughTheCommandLine() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let database = workspace.root.appendingPathComponent(".glocal/test.sqlite").path
        let backup = workspace.root.appendingPathComponent("backup.sqlite").path
        #expect(
            try Self.glocal(["apply", "--database", database, "--now", "2026-11-21T09:00:00Z"], in: workspace.root).status == 0)
        let (status, output, error) = try Self.glocal(["store", "backup", backup, "--database", database], in: workspace.root)
        #expect(status == 0, "\(error)")
        #expect(output.contains("integrity ok"))
        let again = try Self.glocal(["store", "backup", backup, "--database", database], in: workspace.root)
        #expect(again.status == 2 && again.error.contains("exists already"))
        let (restored, restoreOutput, restoreError) = try Self.glocal(
            ["store", "restore", backup, "--database", database, "--now", "2026-11-21T10:00:00Z"], in: workspace.root)
        #expect(restored == 0, "\(restoreError)")
        // The kept copy is named by the command's clock (`--now`), as every time the command records.
        #expect(restoreOutput.contains("the previous store is kept as \(database).before-restore-2026-11-21T100000Z"))
    }

    @Test func accountsExportAndImportThroughTheCommandLine() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let (status, csv, _) = try Self.glocal(["accounts", "export"], in: workspace.root)
        #expect(status == 0)
        #expect(csv.hasPrefix(AccountRecord.columns.joined(separator: ",") + "\r\n"))
        try Data(csv.utf8).write(to: workspace.root.appendingPathComponent("accounts.csv"))
        let same = try Self.glocal(["accounts", "import", "accounts.csv"], in: workspace.root)
        #expect(same.status == 0)
        #expect(same.output.contains("accounts.yaml left unchanged: 0 added, 0 updated"))
        let bad = "id,network,handle,locale\nlum-new-x,twiter,h,fr-FR\n"
        try Data(bad.utf8).write(to: workspace.root.appendingPathComponent("bad.csv"))
        let refused = try Self.glocal(["accounts", "import", "bad.csv"], in: workspace.root)
        #expect(refused.status == 1)
        #expect(refused.output.contains("bad.csv:2:11: error[network.unknown]: unknown network 'twiter'"))
        #expect(refused.output.contains("1 error: accounts.yaml was not changed"))
    }
}

/// docs/operations.md's promises on files: the example configuration passes its own check, a restored store is the
/// owner's only, a failed backup leaves nothing behind, an import keeps accounts.yaml's mode.
@Suite struct OperationsFilesTests {
    @Test func theShippedExampleConfigurationPassesItsOwnCheck() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let example = ValidateCommandTests.repositoryRoot.appendingPathComponent("deploy/glocal-service.example.yaml")
        let environment = [
            "GLOCAL_STORE_KEY": OperationsCommandTests.storeKey, "X_CLIENT_ID": "i", "X_CLIENT_SECRET": "s",
            "LINKEDIN_CLIENT_ID": "i", "LINKEDIN_CLIENT_SECRET": "s",
        ]
        let (status, output, error) = try OperationsCommandTests.glocal(
            ["config", "check", "--config", example.path], in: workspace.root, environment: environment)
        #expect(status == 0, "\(output)\(error)")
        #expect(output.contains(/smtp\.host +127\.0\.0\.1\s/), "\(output)")
        #expect(output.hasSuffix("configuration ok\n"))
    }

    @Test func aRestoredStoreIsTheOwnersOnlyInFoldersItMakes0700() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let database = workspace.root.appendingPathComponent(".glocal/test.sqlite").path
        let backup = workspace.root.appendingPathComponent("backup.sqlite").path
        #expect(
            try OperationsCommandTests.glocal(
                ["apply", "--database", database, "--now", "2026-11-21T09:00:00Z"], in: workspace.root
            ).status == 0)
        #expect(
            try OperationsCommandTests.glocal(["store", "backup", backup, "--database", database], in: workspace.root).status
                == 0)
        // A backup copied around with a looser mode does not pass it on to the store.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: backup)
        let target = workspace.root.appendingPathComponent("restored/deeper/glocal.sqlite").path
        let (status, _, error) = try OperationsCommandTests.glocal(
            ["store", "restore", backup, "--database", target], in: workspace.root)
        #expect(status == 0, "\(error)")
        func mode(_ path: String) throws -> Int? {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        }
        #expect(try mode(target) == 0o600)
        #expect(try mode(workspace.root.appendingPathComponent("restored").path) == 0o700)
        #expect(try mode(workspace.root.appendingPathComponent("restored/deeper").path) == 0o700)
        #expect(try mode(target + ".serving") == 0o600)
    }

    @Test func aBackupThatCannotBeWrittenLeavesNothingBehindAndSaysWhy() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let database = workspace.root.appendingPathComponent(".glocal/test.sqlite").path
        #expect(
            try OperationsCommandTests.glocal(
                ["apply", "--database", database, "--now", "2026-11-21T09:00:00Z"], in: workspace.root
            ).status == 0)
        let folder = workspace.root.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A file size limit stands in for a full disk: the copy's writes fail part-way, as they would on one.
        let (status, _, error) = try ChildProcess.run(
            executable: "/bin/sh",
            arguments: [
                "-c", "trap '' XFSZ; ulimit -f 256; exec \"$0\" \"$@\"", try GlocalProcess.executable().path, "store", "backup",
                folder.appendingPathComponent("b.sqlite").path, "--database", database,
            ], directory: workspace.root.path)
        #expect(status == 2, "\(error)")
        #expect(error.contains("glocal: error: backup failed: "), "\(error)")
        #expect(error.contains("nothing was left behind"), "\(error)")
        #expect(!error.contains("not an error"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        let missing = try OperationsCommandTests.glocal(
            ["store", "backup", folder.appendingPathComponent("nowhere/b.sqlite").path, "--database", database],
            in: workspace.root)
        #expect(missing.status == 2)
        #expect(missing.error.contains("the folder \(folder.path)/nowhere does not exist: create it first"), "\(missing.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func anImportThatRewritesAccountsYAMLKeepsItsMode() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let accounts = workspace.root.appendingPathComponent("accounts.yaml").path
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: accounts)
        let csv = "id,network,handle,locale,timezone\nlumiere-new-x,x,LumiereNew,fr-FR,Europe/Paris\n"
        try Data(csv.utf8).write(to: workspace.root.appendingPathComponent("new.csv"))
        let (status, output, error) = try OperationsCommandTests.glocal(["accounts", "import", "new.csv"], in: workspace.root)
        #expect(status == 0, "\(output)\(error)")
        #expect(output.contains("1 added"), "\(output)")
        #expect((try FileManager.default.attributesOfItem(atPath: accounts)[.posixPermissions] as? NSNumber)?.intValue == 0o640)
    }
}
