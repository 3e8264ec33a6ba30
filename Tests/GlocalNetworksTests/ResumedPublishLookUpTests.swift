import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// A publish resumed from a pending receipt never creates again when the look-up cannot say whether the first
/// attempt went through.
@Suite struct ResumedPublishLookUpTests {
    @Test(arguments: ClientCase.plain.filter { [.pinterest, .googleBusiness].contains($0.network) })
    func aFailedLookUpIsTheOutcomeAndNothingIsCreated(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            let pending = PublishReceipt(
                remoteID: "",
                extra: ["board_id": ClientCase.pinterestBoard, "location": ClientCase.businessLocation, "attempt": "post"])
            await sandbox.state.inject(
                SandboxFault(network: clientCase.sandboxNetwork, account: clientCase.accountKey, kind: .serverError))
            let outcome = await clientCase.make(sandbox.environment).publish(
                clientCase.post, credentials: clientCase.credentials, pending: pending, onPending: { _ in })
            #expect(outcome.isTransient, "\(outcome)")
            #expect(await sandbox.posts(clientCase).isEmpty)
        }
    }
}
