import Foundation

/// Why a use case could not start or finish: one vocabulary for the command line and the server.
/// Each description is one line, as `glocal: error: …` prints it.
public enum UseCaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A path named on the command line does not exist.
    case noSuchPath(String)
    /// A file named on the command line is not a YAML file.
    case notYAML(String)
    /// A file named on the command line lies in a subfolder of campaigns/, whose files are not campaigns.
    case nestedCampaign(String)
    /// No glocal.yaml at or above the path.
    case outsideWorkspace(String)
    /// The workspace's files do not load (validation says why).
    case workspaceUnreadable(root: String)
    /// A command that needs the store found none at `path`.
    case noStore(path: String)
    /// The store at `path` exists but does not open.
    case storeUnopenable(path: String, StoreFailure)
    /// Applying the plan failed; nothing was written.
    case notApplied(StoreFailure)
    /// `--as` names a user the store does not know.
    case unknownUser(String)
    /// An account id that accounts.yaml does not declare, with the closest one declared.
    case unknownAccount(String, suggestion: String?)
    /// A store name that cannot be used (a URL of another kind than `postgres://`, or one glocal cannot read),
    /// with where it was given; the password never shown.
    case storeRefused(StoreSelection.Refusal)
    /// This node's secret key opens none of the credentials sealed in the store (this many accounts have some).
    case secretKeyOpensNone(sealed: Int)

    /// The one-line explanation.
    public var description: String {
        switch self {
        case .noSuchPath(let path): return "no such file or directory: \(path)"
        case .notYAML(let path): return "\(path) is not a YAML file"
        case .nestedCampaign(let path):
            return "\(path) is in a subfolder of campaigns/: glocal reads only the .yaml files directly in campaigns/, "
                + "so it would check nothing; move it up"
        case .outsideWorkspace(let path):
            return "\(path) is not inside a glocal workspace (no glocal.yaml here or in a parent directory)"
        case .workspaceUnreadable(let root): return "cannot read the workspace at \(root); run glocal validate"
        case .noStore(let path): return "no store at \(path): run `glocal apply` first"
        case .storeUnopenable(let path, let failure): return "cannot open the store \(path): \(failure)"
        case .notApplied(let failure): return "nothing applied: \(failure)"
        case .unknownUser(let email): return "no user '\(email)' (glocal user list)"
        case .unknownAccount(let id, let suggestion):
            return "no account '\(id)' in accounts.yaml" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .storeRefused(let refusal): return refusal.description
        case .secretKeyOpensNone(let sealed):
            return "this node's secret key opens none of the credentials sealed in the store (\(sealed) account"
                + (sealed == 1 ? "" : "s") + "): give it the key that sealed them (the same GLOCAL_SECRET_KEY or key "
                + "file on every node and every command that connects an account, docs/operations.md); nothing was published"
        }
    }
}
