import Foundation
import GlocalCore
import Testing

/// Whether the secret key can be used where it is read from: one decision for `glocal config check`, `serve` and `run`.
struct SecretKeyCheckTests {
    static let key = Data(repeating: 7, count: 32).base64EncodedString()

    @Test func aBase64KeyOf32BytesInAnOwnerOnlyFileOrAVariableIsUsable() {
        #expect(SecretKeyCheck.problem(at: .variable("GLOCAL_SECRET_KEY"), found: .text(Self.key, mode: nil)) == nil)
        #expect(
            SecretKeyCheck.problem(at: .configuredFile("/etc/glocal/secret.key"), found: .text(Self.key + "\n", mode: 0o600))
                == nil)
        #expect(
            SecretKeyCheck.problem(at: .defaultFile("/var/lib/glocal/secret.key"), found: .text(Self.key, mode: 0o400)) == nil)
    }

    @Test func aFileOthersMayReadIsRefusedWithTheCommandThatFixesIt() {
        let problem = SecretKeyCheck.problem(at: .configuredFile("/etc/glocal/secret.key"), found: .text(Self.key, mode: 0o644))
        #expect(problem == .tooOpen(.configuredFile("/etc/glocal/secret.key"), mode: 0o644))
        #expect(
            problem?.description
                == "secret_key.file /etc/glocal/secret.key has mode 644 (others may read it): it must be 600 (chmod 600 /etc/glocal/secret.key)"
        )
        #expect(
            SecretKeyCheck.problem(at: .defaultFile("/s/secret.key"), found: .text(Self.key, mode: 0o640))
                == .tooOpen(.defaultFile("/s/secret.key"), mode: 0o640))
    }

    @Test func aConfiguredFileMustExistWhileTheDefaultOneIsMadeOnFirstUse() {
        #expect(SecretKeyCheck.problem(at: .configuredFile("/etc/k"), found: .noFile) == .missing("/etc/k"))
        #expect(SecretKeyCheck.problem(at: .defaultFile("/s/secret.key"), found: .noFile) == nil)
        #expect(
            SecretKeyCheck.problem(at: .configuredFile("/etc"), found: .notAFile("a folder"))
                == .notAFile(.configuredFile("/etc"), kind: "a folder"))
    }

    @Test func textThatIsNotAKeyIsRefusedWithoutBeingShown() {
        for text in ["hunter2-not-base64", Data(repeating: 1, count: 16).base64EncodedString()] {
            let problem = SecretKeyCheck.problem(at: .variable("STORE_KEY"), found: .text(text, mode: nil))
            #expect(problem == .notAKey(.variable("STORE_KEY")))
            #expect(problem?.description.contains(text) == false)
        }
        #expect(SecretKeyCheck.key(in: " \(Self.key)\n")?.count == 32)
    }
}
