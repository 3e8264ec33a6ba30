/// Where the effective value of a service setting came from (precedence: flag > env > file > default).
public enum ServiceSettingSource: Sendable, Equatable {
    /// A command-line flag, such as `--port`.
    case flag(String)
    /// An environment variable, such as `GLOCAL_PORT`.
    case environment(String)
    /// The configuration file, at this place.
    case file(SourceLocation)
    /// glocal's default.
    case builtIn

    /// How `glocal config check` names the source.
    public var label: String {
        switch self {
        case .flag(let name): return "flag \(name)"
        case .environment(let name): return "env \(name)"
        case .file(let location): return "file \(location.file):\(location.line):\(location.column)"
        case .builtIn: return "default"
        }
    }
}
