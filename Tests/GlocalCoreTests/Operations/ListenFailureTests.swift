import Foundation
import GlocalCore
import Testing

/// A web UI that cannot listen says what, where and what to do, not the system's bind error.
struct ListenFailureTests {
    @Test func theSystemErrorNumbersOfAFailedBindAreNamed() {
        #expect(ListenFailure(errno: EADDRINUSE) == .portInUse)
        #expect(ListenFailure(errno: EADDRNOTAVAIL) == .addressNotHere)
        #expect(ListenFailure(errno: EACCES) == .permissionDenied)
        #expect(ListenFailure(errno: ENOMEM) == nil)
    }

    @Test func eachMessageNamesTheAddressTheSettingAndTheFix() {
        let inUse = ListenFailure.portInUse.message(host: "127.0.0.1", port: 8080)
        #expect(inUse.hasPrefix("cannot listen on 127.0.0.1:8080: another process listens on port 8080"))
        #expect(inUse.contains("listen.port, --port or GLOCAL_PORT; 0 picks a free one"))
        let unknown = ListenFailure.unknownHost.message(host: "glocal.internal", port: 80)
        #expect(unknown.contains("the host name 'glocal.internal' does not resolve on this machine"))
        #expect(unknown.contains("listen.host, --host or GLOCAL_HOST"))
        #expect(
            ListenFailure.addressNotHere.message(host: "10.1.2.3", port: 8080).contains(
                "10.1.2.3 is not an address of this machine"))
        #expect(ListenFailure.permissionDenied.message(host: "0.0.0.0", port: 80).contains("a port below 1024 needs root"))
    }
}
