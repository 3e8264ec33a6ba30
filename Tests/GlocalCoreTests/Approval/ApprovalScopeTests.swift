import GlocalCore
import Testing

/// Who sees and acts on which account, from glocal.yaml's teams.
struct ApprovalScopeTests {
    static let here = SourceLocation(file: "glocal.yaml", line: 1, column: 1)
    static func team(_ id: String, _ patterns: [String], _ managers: [String]) -> Team {
        Team(
            id: Located(id, at: here), accountPatterns: patterns.map { Located($0, at: here) },
            managers: managers.map { Located($0, at: here) })
    }
    let teams = [
        team("france", ["lumiere-fr-*"], ["claire.martin@lumiere.example"]),
        team("united-kingdom", ["lumiere-uk-*"], ["olivia.hughes@lumiere.example"]),
        team("corporate", ["lumiere-*-linkedin"], ["Claire.Martin@lumiere.example"]),
    ]

    @Test func aManagerSeesTheAccountsOfAllTheirTeamsOnly() {
        let scope = ApprovalScope(email: "claire.martin@lumiere.example", role: .manager, teams: teams)
        #expect(scope.teams == ["france", "corporate"])
        #expect(scope.canAct(on: "lumiere-fr-instagram"))
        #expect(scope.canAct(on: "lumiere-de-linkedin"))
        #expect(!scope.canSee(account: "lumiere-uk-x"))
        #expect(!scope.seesEverything)
    }

    @Test func aManagerOfNoTeamSeesNothing() {
        let scope = ApprovalScope(email: "someone@lumiere.example", role: .manager, teams: teams)
        #expect(!scope.canSee(account: "lumiere-fr-instagram"))
    }

    @Test func adminsActEverywhereAndViewersOnlyRead() {
        let admin = ApprovalScope(email: "a@lumiere.example", role: .admin, teams: teams)
        let viewer = ApprovalScope(email: "v@lumiere.example", role: .viewer, teams: teams)
        #expect(admin.canAct(on: "lumiere-uk-x"))
        #expect(viewer.canSee(account: "lumiere-uk-x"))
        #expect(!viewer.canAct(on: "lumiere-uk-x"))
    }
}
