import Foundation
import GlocalNetworks
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import GlocalNetworks

/// A transport failure says what failed in plain words with the server's host:port, not a URL error number.
struct TransportFailureWordingTests {
    @Test func aRefusedConnectionNamesTheServerAndWhatHappened() async throws {
        // Port 9 (discard) on loopback: nothing listens there.
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/2/users/me?token=abc")!)
        await #expect(throws: TransportError.notSent("cannot connect to 127.0.0.1:9: connection refused")) {
            try await URLSessionTransport(timeout: 10).send(request)
        }
    }

    @Test func eachFailureIsWordedWithItsHostAndPort() throws {
        let url = try #require(URL(string: "https://api.x.com/2/tweets?secret=1"))
        let classify = { (code: URLError.Code) in URLSessionTransport.classify(code, url: url, timeout: 30).description }
        #expect(classify(.timedOut) == "no answer from api.x.com:443 within 30 s")
        #expect(
            classify(.cannotFindHost)
                == "request not sent: cannot connect to api.x.com:443: the host name api.x.com does not resolve")
        #expect(
            classify(.secureConnectionFailed)
                == "request not sent: cannot set up TLS with api.x.com:443: the TLS handshake failed")
        #expect(
            classify(.serverCertificateUntrusted)
                == "request not sent: cannot set up TLS with api.x.com:443: its certificate is not trusted")
        #expect(
            classify(.networkConnectionLost)
                == "connection lost after sending: api.x.com:443 closed the connection before answering")
        for code in [URLError.Code.timedOut, .cannotFindHost, .networkConnectionLost, .badServerResponse] {
            #expect(!classify(code).contains("secret") && !classify(code).contains("/2/tweets"))
        }
    }
}
