import GlocalCore

/// The result of reading a workspace directory: the model (when the essentials could be read),
/// the source text for diagnostics, and the problems found while reading.
public struct LoadedWorkspace: Sendable {
    /// The workspace, or `nil` when glocal.yaml or accounts.yaml could not be read at all.
    public var workspace: Workspace?
    /// The text of every file read.
    public var sources: SourceFiles
    /// Problems found while parsing and decoding.
    public var diagnostics: [Diagnostic]
    /// How many YAML files were read.
    public var fileCount: Int
    /// Files that are missing or from which nothing could be decoded.
    public var unreadableFiles: Set<String>
}
