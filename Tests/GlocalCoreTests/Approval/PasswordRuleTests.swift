import GlocalCore
import Testing

/// The password rule both stores apply (`glocal user add`, `reset-password`).
struct PasswordRuleTests {
    @Test func tenCharactersThatAreNotAllBlanksAreAccepted() {
        #expect(PasswordRule.problem(in: "correct horse") == nil)
        #expect(PasswordRule.problem(in: "a         ") == nil)
        #expect(PasswordRule.problem(in: "éèêëàâäôöû") == nil)
    }

    @Test func shortOrBlankPasswordsAreRefusedWithTheReason() {
        #expect(PasswordRule.problem(in: "123456789") == .weakPassword(minimumLength: 10))
        #expect(PasswordRule.problem(in: "") == .weakPassword(minimumLength: 10))
        #expect(PasswordRule.problem(in: String(repeating: " ", count: 10)) == .blankPassword)
        #expect(PasswordRule.problem(in: " \t \u{3000}\u{A0}      ") == .blankPassword)
        #expect(UserStoreError.blankPassword.description == "the password must not be only blanks")
    }
}
