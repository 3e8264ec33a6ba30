import GlocalCore
import GlocalNetworks
import Testing

/// GlocalCore's words for a sent post ("published" or "sent to webhook") follow the clients that exist.
struct NetworkDeliveryAgreementTests {
    @Test func theNativeNetworksAreExactlyThoseWithAClient() {
        let native = Network.allCases.filter { NetworkDelivery.of($0) == .native }
        #expect(Set(native) == Set(NetworkClients.supported))
    }
}
