import Foundation
import GlocalCore
import Testing

/// Precedence (flag > env > file > default) and the checks of the service configuration.
struct ServiceConfigurationResolverTests {
    static func located(_ value: String, line: Int, column: Int = 9) -> Located<String> {
        Located(value, at: SourceLocation(file: "glocal-service.yaml", line: line, column: column, length: value.count))
    }

    static let file = ServiceConfigurationFile(
        path: "glocal-service.yaml",
        values: [
            "listen.port": located("9000", line: 2), "listen.host": located("0.0.0.0", line: 3),
            "log.format": located("json", line: 4),
        ])

    @Test func aFlagWinsOverTheEnvironmentWhichWinsOverTheFileWhichWinsOverTheDefault() {
        let resolver = ServiceConfigurationResolver(
            flags: ["listen.port": "7000"], environment: ["GLOCAL_PORT": "7500", "GLOCAL_HOST": "10.0.0.1"], file: Self.file)
        let configuration = resolver.resolve()
        #expect(configuration.setting(.port) == ResolvedServiceSetting(key: .port, value: "7000", source: .flag("--port")))
        #expect(configuration.setting(.host).source == .environment("GLOCAL_HOST"))
        #expect(configuration.host == "10.0.0.1")
        #expect(configuration.setting(.logFormat).source == .file(Self.located("json", line: 4).location))
        #expect(configuration.logFormat == .json)
        #expect(configuration.setting(.logLevel) == ResolvedServiceSetting(key: .logLevel, value: "info", source: .builtIn))
        #expect(configuration.isValid)
        let withoutFlag = ServiceConfigurationResolver(environment: ["GLOCAL_PORT": "7500"], file: Self.file).resolve()
        #expect(withoutFlag.port == 7500)
        let fileOnly = ServiceConfigurationResolver(environment: ["GLOCAL_PORT": ""], file: Self.file).resolve()
        #expect(fileOnly.port == 9000)
        #expect(ServiceConfigurationResolver().resolve().port == 8080)
    }

    @Test func aBadValueInTheFileIsReportedAtItsPlace() {
        let file = ServiceConfigurationFile(
            path: "glocal-service.yaml",
            values: [
                "listen.port": Self.located("80800", line: 2), "log.level": Self.located("warn", line: 5),
                "public_url": Self.located("glocal.example.com", line: 6),
            ])
        let configuration = ServiceConfigurationResolver(file: file).resolve()
        #expect(!configuration.isValid)
        let rules = configuration.diagnostics.map(\.rule)
        #expect(rules == ["config.value-invalid", "config.value-invalid", "config.value-invalid"])
        let port = configuration.diagnostics.first { $0.message.contains("listen.port") }
        #expect(port?.location?.line == 2)
        let level = configuration.diagnostics.first { $0.message.contains("log.level") }
        #expect(level?.notes.contains("did you mean 'warning'?") == true)
    }

    @Test func aBadFlagIsNamedInTheMessage() {
        let configuration = ServiceConfigurationResolver(flags: ["log.format": "xml"]).resolve()
        #expect(configuration.diagnostics.count == 1)
        #expect(configuration.diagnostics[0].message.hasPrefix("--log-format: log.format must be text or json"))
        #expect(configuration.diagnostics[0].location == nil)
    }

    /// `config check` says "ok" only when the service would start: a host with a line feed or a space is refused.
    @Test func aListenHostMustBeWrittenAsAHostOrAnAddress() {
        for good in ["127.0.0.1", "0.0.0.0", "::1", "::", "fe80::1", "localhost", "glocal-1.internal"] {
            #expect(ServiceConfigurationResolver(flags: ["listen.host": good]).resolve().isValid, "\(good)")
        }
        for bad in ["127.0.0.1\nevil", "glocal internal", "-x.example", "a..b", "http://x", "héte.example"] {
            let configuration = ServiceConfigurationResolver(flags: ["listen.host": bad]).resolve()
            #expect(configuration.diagnostics.map(\.rule) == ["config.value-invalid"], "\(bad)")
            #expect(configuration.diagnostics.first?.message.contains("is not a host name or an IP address") == true)
        }
    }

    @Test func anEnvironmentVariableTheFileNamesMustBeSet() {
        let file = ServiceConfigurationFile(
            path: "glocal-service.yaml",
            values: [
                "smtp.password_env": Self.located("SMTP_PASSWORD", line: 8), "smtp.host": Self.located("mail.example", line: 7),
                "smtp.from": Self.located("a@example.com", line: 9), "smtp.user": Self.located("glocal", line: 10),
                "smtp.insecure": Self.located("true", line: 7),
            ],
            networks: [
                .init(
                    name: Self.located("x", line: 11, column: 3),
                    values: [
                        "client_id_env": Self.located("X_ID", line: 11), "client_secret_env": Self.located("X_SECRET", line: 11),
                    ])
            ])
        let missing = ServiceConfigurationResolver(environment: ["X_ID": "id"], file: file).resolve()
        let messages = missing.diagnostics.map(\.message)
        #expect(messages.contains("smtp.password_env names SMTP_PASSWORD, which is not set in the environment"))
        #expect(messages.contains("networks.x.client_secret_env names X_SECRET, which is not set in the environment"))
        #expect(missing.diagnostics.allSatisfy { $0.rule == "config.env-missing" })
        let set = ServiceConfigurationResolver(environment: ["X_ID": "id", "X_SECRET": "s", "SMTP_PASSWORD": "p"], file: file)
            .resolve()
        #expect(set.isValid)
        #expect(set.networks.map(\.network) == [.x])
        #expect(
            set.smtp
                == (try? SMTPEndpoint(
                    host: "mail.example", port: "25", from: "a@example.com", insecure: true, username: "glocal",
                    hasPassword: true)))
        #expect(set.smtpPasswordVariable == "SMTP_PASSWORD")
    }

    @Test func settingsThatNeedEachOtherAreCheckedTogether() {
        let file = ServiceConfigurationFile(
            path: "glocal-service.yaml",
            values: [
                "smtp.host": Self.located("127.0.0.1", line: 2), "secret_key.file": Self.located("/etc/k", line: 4),
                "secret_key.env": Self.located("KEY", line: 5),
            ])
        let configuration = ServiceConfigurationResolver(environment: ["KEY": "x"], file: file).resolve()
        #expect(configuration.diagnostics.map(\.rule).sorted() == ["config.incomplete", "config.incomplete"])
        #expect(
            ServiceConfigurationResolver(environment: ["KEY": "x", "GLOCAL_MAIL_FROM": "a@b.c"], file: file).resolve()
                .diagnostics.count == 1)
    }

    @Test func theSecretKeyComesFromGlocalSecretKeyThenTheFilesEnvThenItsFile() {
        let byEnv = ServiceConfigurationFile(path: "f", values: ["secret_key.env": Self.located("STORE_KEY", line: 1)])
        let byFile = ServiceConfigurationFile(path: "f", values: ["secret_key.file": Self.located("/etc/glocal/key", line: 1)])
        #expect(
            ServiceConfigurationResolver(environment: ["STORE_KEY": "k"], file: byEnv).resolve().secretKey
                == .environment("STORE_KEY"))
        #expect(ServiceConfigurationResolver(file: byFile).resolve().secretKey == .file("/etc/glocal/key"))
        #expect(
            ServiceConfigurationResolver(environment: ["GLOCAL_SECRET_KEY": "k", "STORE_KEY": "k"], file: byEnv).resolve()
                .secretKey
                == .keyInEnvironment)
        #expect(ServiceConfigurationResolver().resolve().secretKey == .besideStore)
    }

    @Test func anUnknownNetworkIsReportedWithASuggestion() {
        let file = ServiceConfigurationFile(
            path: "f",
            networks: [.init(name: Self.located("linkdin", line: 3, column: 3), values: [:])])
        let configuration = ServiceConfigurationResolver(file: file).resolve()
        #expect(configuration.diagnostics.map(\.rule) == ["network.unknown"])
        #expect(configuration.diagnostics[0].notes.contains("did you mean 'linkedin'?"))
    }

    @Test func environmentNamesAreChecked() {
        #expect(ServiceConfigurationResolver.isEnvironmentName("X_CLIENT_ID"))
        #expect(ServiceConfigurationResolver.isEnvironmentName("_a1"))
        #expect(!ServiceConfigurationResolver.isEnvironmentName("1X"))
        #expect(!ServiceConfigurationResolver.isEnvironmentName("sk-live-123"))
        #expect(!ServiceConfigurationResolver.isEnvironmentName(""))
    }
}

/// The SMTP settings as `serve` and `run` use them: `--smtp` over `GLOCAL_SMTP_URL` over the file's host and port,
/// the insecure opt-in from the flag, the environment or the file, and every refusal of `serve` an error of the check.
struct ServiceConfigurationSMTPTests {
    static func located(_ value: String, line: Int, column: Int = 9) -> Located<String> {
        ServiceConfigurationResolverTests.located(value, line: line, column: column)
    }

    static let file = ServiceConfigurationFile(
        path: "glocal-service.yaml",
        values: [
            "smtp.host": located("mail.example.com", line: 5), "smtp.port": located("587", line: 5, column: 30),
            "smtp.from": located("glocal@example.com", line: 5, column: 40),
        ])

    @Test func aServerElsewhereIsAnErrorOfTheCheckUnlessTheFileTheFlagOrTheEnvironmentOptsIn() {
        let refused = ServiceConfigurationResolver(file: Self.file).resolve()
        #expect(refused.smtp == nil)
        #expect(refused.diagnostics.map(\.rule) == ["config.value-invalid"])
        #expect(refused.diagnostics.first?.location?.line == 5)
        #expect(refused.diagnostics.first?.message.hasPrefix("mail.example.com is not this machine") == true)
        var insecureFile = Self.file
        insecureFile.values["smtp.insecure"] = Self.located("true", line: 6)
        for resolver in [
            ServiceConfigurationResolver(file: insecureFile),
            ServiceConfigurationResolver(flags: ["smtp.insecure": "true"], file: Self.file),
            ServiceConfigurationResolver(environment: ["GLOCAL_SMTP_INSECURE": "true"], file: Self.file),
        ] {
            let configuration = resolver.resolve()
            #expect(configuration.isValid, "\(configuration.diagnostics)")
            #expect(configuration.smtp?.host == "mail.example.com" && configuration.smtp?.port == 587)
        }
        let bad = ServiceConfigurationResolver(environment: ["GLOCAL_SMTP_INSECURE": "yes please"], file: Self.file).resolve()
        #expect(
            bad.diagnostics.map(\.message).contains("GLOCAL_SMTP_INSECURE: smtp.insecure must be true or false, not 'yes please'")
        )
    }

    @Test func theURLOfTheFlagOrTheEnvironmentIsTheServerShownAndUsed() {
        let byEnvironment = ServiceConfigurationResolver(
            environment: ["GLOCAL_SMTP_URL": "smtp://127.0.0.1:2525"], file: Self.file
        ).resolve()
        #expect(byEnvironment.isValid, "\(byEnvironment.diagnostics)")
        #expect(
            byEnvironment.setting(.smtpHost)
                == ResolvedServiceSetting(key: .smtpHost, value: "127.0.0.1", source: .environment("GLOCAL_SMTP_URL")))
        #expect(byEnvironment.setting(.smtpPort).value == "2525")
        #expect(byEnvironment.smtp?.host == "127.0.0.1" && byEnvironment.smtp?.port == 2525)
        let byFlag = ServiceConfigurationResolver(
            flags: ["smtp.url": "smtp://localhost"], environment: ["GLOCAL_SMTP_URL": "smtp://127.0.0.1:2525"], file: Self.file
        ).resolve()
        #expect(byFlag.setting(.smtpHost).source == .flag("--smtp"))
        #expect(byFlag.smtp?.host == "localhost" && byFlag.smtp?.port == 25)
    }

    @Test func anSMTPSURLOrOneWithoutASenderIsAnErrorOfTheCheck() {
        let tls = ServiceConfigurationResolver(
            environment: ["GLOCAL_SMTP_URL": "smtps://u:hunter2@127.0.0.1:465", "GLOCAL_MAIL_FROM": "a@b.example"]
        ).resolve()
        #expect(!tls.isValid)
        #expect(tls.diagnostics.map(\.message) == ["GLOCAL_SMTP_URL: \(SMTPEndpoint.Problem.scheme("smtps"))"])
        #expect(tls.setting(.smtpHost).value?.contains("hunter2") == false)
        let noSender = ServiceConfigurationResolver(environment: ["GLOCAL_SMTP_URL": "smtp://127.0.0.1:25"]).resolve()
        #expect(noSender.diagnostics.map(\.rule) == ["config.incomplete"])
        #expect(noSender.diagnostics.first?.message == "GLOCAL_SMTP_URL: \(SMTPEndpoint.Problem.noSender)")
        let halfCredentials = ServiceConfigurationResolver(
            environment: [
                "GLOCAL_SMTP_URL": "smtp://127.0.0.1", "GLOCAL_MAIL_FROM": "a@b.example", "GLOCAL_SMTP_USERNAME": "glocal",
            ]
        ).resolve()
        #expect(halfCredentials.diagnostics.map(\.rule) == ["config.incomplete"])
        let none = ServiceConfigurationResolver().resolve()
        #expect(none.isValid && none.smtp == nil)
    }
}
