import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// Clients speak the environment's API versions, and a network's refusal of a version is a permanent outcome.
@Suite struct APIVersionClientTests {
    static let now = Date(timeIntervalSince1970: 1_796_115_600)

    static func pins(_ pairs: [(Network, String)]) -> APIVersionPins {
        var pins = APIVersionPins()
        for (network, name) in pairs {
            guard case .known(let version) = APIVersionTable.lookUp(name, for: network) else { continue }
            pins.pinned[network] = Located(version, at: SourceLocation(file: "glocal.yaml", line: 1, column: 1))
        }
        return pins
    }

    @Test func clientsTakeThePinnedVersionElseTheDefault() {
        let transport = URLSessionTransport(timeout: 5)
        let plain = ClientEnvironment(transport: transport)
        #expect(LinkedInClient(environment: plain).apiVersion == "202606")
        #expect(FacebookClient(environment: plain).apiVersion == "v25.0")
        #expect(InstagramClient(environment: plain).apiVersion == "v25.0")
        #expect(ThreadsClient(environment: plain).apiVersion == "v1.0")
        let pinned = ClientEnvironment(
            transport: transport, apiVersions: Self.pins([(.linkedin, "202601"), (.facebook, "v21.0"), (.instagram, "v24.0")]))
        #expect(LinkedInClient(environment: pinned).apiVersion == "202601")
        #expect(FacebookClient(environment: pinned).apiVersion == "v21.0")
        #expect(InstagramClient(environment: pinned).apiVersion == "v24.0")
        #expect(ThreadsClient(environment: pinned).apiVersion == "v1.0")
    }

    @Test func aRefusedVersionIsPermanentAndSaysWhatToMove() throws {
        let linkedIn = LinkedInResponseClassifier.classify(
            status: 426, headers: [:],
            body: Data(#"{"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 202505 is not active"}"#.utf8),
            now: Self.now)
        guard case .permanent(let text) = linkedIn else {
            Issue.record("426 must be permanent, got \(String(describing: linkedIn))")
            return
        }
        #expect(text.contains("NONEXISTENT_VERSION") && text.contains("202505") && text.contains("api_versions.linkedin"))
        let body =
            #"{"error":{"message":"(#2635) You are calling a deprecated version of the Graph API (v21.0 was available until 2027-01-21). Please update to the latest version: v26.0.","type":"OAuthException","code":2635}}"#
        for (outcome, key) in [
            (FacebookResponseClassifier.classify(status: 400, headers: [:], body: Data(body.utf8), now: Self.now), "facebook"),
            (InstagramResponseClassifier.classify(status: 400, headers: [:], body: Data(body.utf8), now: Self.now), "instagram"),
            (ThreadsResponseClassifier.classify(status: 400, headers: [:], body: Data(body.utf8), now: Self.now), "threads"),
        ] {
            guard case .permanent(let text) = outcome else {
                Issue.record("2635 must be permanent for \(key), got \(String(describing: outcome))")
                continue
            }
            #expect(text.contains("v21.0") && text.contains("2027-01-21") && text.contains("api_versions.\(key)"))
        }
    }
}
