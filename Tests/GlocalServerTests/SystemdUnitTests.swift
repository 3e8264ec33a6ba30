import Foundation
import GlocalTestSupport
import Testing

/// deploy/glocal.service: the hardening the docs promise, and `systemd-analyze verify` finds nothing wrong.
struct SystemdUnitTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let unit = repositoryRoot.appendingPathComponent("deploy/glocal.service")

    @Test func theUnitRunsAsGlocalHardenedAndRestartsOnFailure() throws {
        let text = try String(contentsOf: Self.unit, encoding: .utf8)
        let directives = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for line in [
            "Type=simple", "User=glocal", "NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/glocal",
            "EnvironmentFile=/etc/glocal/secrets.env", "Restart=on-failure", "ExecReload=/bin/kill -HUP $MAINPID",
        ] {
            #expect(directives.contains(line), "missing \(line)")
        }
        let start = try #require(directives.first { $0.hasPrefix("ExecStart=") })
        #expect(start.contains(" run --config /etc/glocal/glocal-service.yaml"))
        // The store the configuration example names is inside ReadWritePaths.
        let example = try String(
            contentsOf: Self.repositoryRoot.appendingPathComponent("deploy/glocal-service.example.yaml"), encoding: .utf8)
        #expect(example.contains("database: /var/lib/glocal/glocal.sqlite"))
    }

    @Test func systemdAnalyzeVerifiesTheUnit() throws {
        let analyze = try #require(
            ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "systemd-analyze is missing: scripts/test installs systemd")
        // verify checks that ExecStart's binary exists: the copy runs the glocal just built instead of /usr/local/bin's.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = try ServedProcess.executable().path
        let text = try String(contentsOf: Self.unit, encoding: .utf8).replacingOccurrences(
            of: "/usr/local/bin/glocal", with: binary)
        let copy = directory.appendingPathComponent("glocal.service")
        try Data(text.utf8).write(to: copy)
        let (status, output, _) = try ChildProcess.run(
            executable: analyze, arguments: ["verify", "--man=no", copy.path], mergingErrorIntoOutput: true)
        #expect(status == 0, "\(output)")
        // verify exits 0 on directives it ignores; any line about the unit is a finding.
        let findings = output.split(separator: "\n").filter { $0.contains("glocal.service") }
        #expect(findings.isEmpty, "\(findings)")

        // The check has teeth: a misspelt directive is reported.
        try Data(text.replacingOccurrences(of: "NoNewPrivileges=yes", with: "NoNewPrivileges=maybe").utf8).write(to: copy)
        let brokenOutput = try ChildProcess.run(
            executable: analyze, arguments: ["verify", "--man=no", copy.path], mergingErrorIntoOutput: true
        ).output
        #expect(brokenOutput.contains("NoNewPrivileges") || brokenOutput.contains("boolean"))
    }
}
