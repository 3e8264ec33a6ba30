import GlocalCore
import NIOCore

extension ListenFailure {
    /// The kind of the error the web UI's server stopped with, if it failed to listen (`nil`: some other error).
    init?(serverError error: any Error) {
        if error is SocketAddressError.UnknownHost {
            self = .unknownHost
        } else if let io = error as? IOError {
            self.init(errno: io.errnoCode)
        } else {
            return nil
        }
    }

    /// What to say when the web UI's server on `host`:`port` stopped with `error`: the listen failure in plain
    /// words, else the error as it describes itself.
    static func describing(_ error: any Error, host: String, port: Int) -> String {
        ListenFailure(serverError: error)?.message(host: host, port: port) ?? "\(error)"
    }
}
