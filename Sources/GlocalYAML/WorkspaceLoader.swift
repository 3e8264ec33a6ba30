import Dispatch
import Foundation
import GlocalCore
import Yams

/// Reads a workspace directory: `glocal.yaml`, `accounts.yaml`, `locales/*.yaml`, `campaigns/*.yaml`.
///
/// Files are parsed in parallel; each is decoded on its own, so one broken file never hides
/// the problems of another. Every file and folder is resolved through `WorkspaceContainment` first:
/// one that leads outside the workspace, into a hidden file or folder, or that is not a regular file
/// (a FIFO, a device) or is over `maximumFileBytes` is reported and never read. Hidden names
/// (`.draft.yaml`, editor lock files) in `locales/` and `campaigns/` are not workspace files and are skipped.
public struct WorkspaceLoader: Sendable {
    /// The workspace directory.
    public let root: URL
    /// The largest YAML file read (16 MiB); a larger one is an error and is not read.
    public static let maximumFileBytes = 16 * 1_048_576

    private let containment: WorkspaceContainment

    /// Creates a loader for the directory at `root`.
    public init(root: URL) {
        self.root = root
        containment = WorkspaceContainment(root: root)
    }

    /// The workspace files that exist, as paths relative to the root, in a stable order.
    public func workspaceFiles() -> [String] { listing().files }

    /// Reads and decodes every workspace file.
    public func load() -> LoadedWorkspace {
        var diagnostics: [Diagnostic] = []
        var unreadable = Set<String>()
        for name in ["glocal.yaml", "accounts.yaml"] where !isPresent(name) {
            unreadable.insert(name)
            let hint =
                name == "accounts.yaml"
                ? "create accounts.yaml with an 'accounts:' list (see docs/campaign-format.md)"
                : "create glocal.yaml with 'workspace:' and 'default_locale:' (see docs/campaign-format.md)"
            diagnostics.append(Diagnostic(.error, .fileMissing, "\(name) is missing from the workspace", at: nil, notes: [hint]))
        }
        let listed = listing()
        diagnostics += listed.diagnostics
        unreadable.formUnion(listed.refusedFolders)
        let files = listed.files
        let results = decodeAll(files)
        var sources = SourceFiles()
        var settings: WorkspaceSettings? = nil
        var accounts: [Account]? = nil
        var locales: [String: LocaleDefinition] = [:]
        var campaigns: [Campaign] = []
        for result in results {
            if let text = result.text { sources.add(path: result.path, text: text) }
            if result.isUnreadable { unreadable.insert(result.path) }
            diagnostics += result.diagnostics
            switch result.content {
            case let .settings(value): settings = value
            case let .accounts(value): accounts = value
            case let .locale(value):
                if let value { locales[value.id.value] = value }
            case let .campaign(value):
                if let value { campaigns.append(value) }
            case .none: break
            }
        }
        var workspace: Workspace? = nil
        if let settings {
            workspace = Workspace(settings: settings, accounts: accounts ?? [], locales: locales, campaigns: campaigns)
        }
        return LoadedWorkspace(
            workspace: workspace, sources: sources, diagnostics: diagnostics, fileCount: results.filter { !$0.refused }.count,
            unreadableFiles: unreadable)
    }

    private enum Content: Sendable {
        case settings(WorkspaceSettings?)
        case accounts([Account])
        case locale(LocaleDefinition?)
        case campaign(Campaign?)
        case none
    }

    private struct FileResult: Sendable {
        var path: String
        var text: String?
        var content: Content
        var diagnostics: [Diagnostic]
        /// Whether containment refused the file, so that it was not opened.
        var refused = false

        /// Whether nothing usable came out of the file.
        var isUnreadable: Bool {
            switch content {
            case .none, .settings(nil), .locale(nil), .campaign(nil): return true
            default: return false
            }
        }
    }

    private func decodeAll(_ files: [String]) -> [FileResult] {
        files.concurrentMap { decode($0) }
    }

    /// One workspace file (`accounts.yaml`, say), read as `load` reads it.
    public enum FileReading: Sendable {
        /// Nothing is at the path, not even a symbolic link.
        case absent
        /// The file's text, and where it is (`location.resolved` differs from the path when a link inside led there).
        case text(String, location: WorkspaceContainment.Location)
        /// The error `load` reports for the file: it leads outside, is hidden, is not a regular file, is too large,
        /// cannot be read, or is not UTF-8 text. A refused file was not opened, and the error quotes nothing from it.
        case refused(Diagnostic)
    }

    /// Reads the workspace file at `path` (relative to the root) through the workspace's containment, as `load` does.
    public func read(_ path: String) -> FileReading {
        if !isPresent(path) { return .absent }
        switch readText(path) {
        case .success(let (text, location)): return .text(text, location: location)
        case .failure(let failure): return .refused(failure.diagnostic)
        }
    }

    private struct ReadFailure: Error {
        var diagnostic: Diagnostic
        /// Whether containment refused the file, so that it was not opened.
        var refused: Bool
    }

    /// The text of the file at `path`, or the one error that says why there is none.
    private func readText(_ path: String) -> Result<(String, WorkspaceContainment.Location), ReadFailure> {
        let location: WorkspaceContainment.Location
        switch containment.file(path, limit: Self.maximumFileBytes) {
        case .success(let found): location = found
        case .failure(let refusal):
            return .failure(ReadFailure(diagnostic: Self.refusalDiagnostic(refusal, path: path), refused: true))
        }
        let data: Data
        switch containment.read(location.resolved, limit: Self.maximumFileBytes) {
        case .success(let bytes): data = bytes
        case .failure(let refusal):
            return .failure(ReadFailure(diagnostic: Self.refusalDiagnostic(refusal, path: path), refused: true))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let diagnostic = Diagnostic(
                .error, .fileUnreadable, "\(path) is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1),
                notes: ["save the file as UTF-8"])
            return .failure(ReadFailure(diagnostic: diagnostic, refused: false))
        }
        return .success((text, location))
    }

    private func decode(_ path: String) -> FileResult {
        let collector = DiagnosticCollector()
        var context = DecodeContext(file: path, collector: collector)
        let text: String
        switch readText(path) {
        case .success(let (read, _)): text = read
        case .failure(let failure):
            collector.add(failure.diagnostic)
            return FileResult(
                path: path, text: nil, content: .none, diagnostics: collector.diagnostics, refused: failure.refused)
        }
        context.source = text
        let root = YAMLDocumentParser.parse(text, file: path, into: collector)
        let syntaxBroken = collector.diagnostics.contains { $0.rule == DiagnosticRule.yamlSyntax.id }
        let content: Content
        if syntaxBroken {
            content = .none
        } else if path == "glocal.yaml" {
            content = .settings(SettingsDecoder.decode(root, context: context))
        } else if path == "accounts.yaml" {
            content = .accounts(AccountsDecoder.decode(root, context: context))
        } else if path.hasPrefix("locales/") {
            let id = String(path.dropFirst("locales/".count).prefix { $0 != "." })
            content = .locale(LocaleDecoder.decode(root, expectedID: id, context: context))
        } else {
            content = .campaign(CampaignDecoder.decode(root, context: context))
        }
        return FileResult(path: path, text: text, content: content, diagnostics: collector.diagnostics)
    }

    /// Whether something is at `path` (a link to nothing counts: reading it reports the link).
    private func isPresent(_ path: String) -> Bool {
        if case .failure(.missing(danglingLink: false)) = containment.locate(path) { return false }
        return true
    }

    private struct Listing {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var refusedFolders: Set<String> = []
    }

    /// The files to read, and a diagnostic for each of locales/ and campaigns/ that is not a folder inside the workspace.
    private func listing() -> Listing {
        var listing = Listing()
        for name in ["glocal.yaml", "accounts.yaml"] where isPresent(name) { listing.files.append(name) }
        for folder in ["locales", "campaigns"] {
            switch containment.folder(folder) {
            case .success(let location):
                let names: [String]
                do { names = try FileManager.default.contentsOfDirectory(atPath: containment.absolutePath(of: location)) } catch {
                    // A folder that cannot be listed would otherwise check nothing and pass.
                    listing.refusedFolders.insert(folder)
                    listing.diagnostics.append(
                        Self.refusalDiagnostic(
                            .unreadable(
                                reason:
                                    "its files cannot be listed (\(Self.listingFailure(containment.absolutePath(of: location))))"),
                            path: folder,
                            isFolder: true))
                    continue
                }
                listing.files += names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
                    .sorted().map { "\(folder)/\($0)" }
            case .failure(.missing(danglingLink: false)):
                continue
            case .failure(let refusal):
                listing.refusedFolders.insert(folder)
                listing.diagnostics.append(Self.refusalDiagnostic(refusal, path: folder, isFolder: true))
            }
        }
        return listing
    }

    /// The operating system's words for why the folder at `path` cannot be listed (`Permission denied`).
    static func listingFailure(_ path: String) -> String {
        guard let directory = opendir(path) else { return String(cString: strerror(errno)) }
        closedir(directory)
        return "it changed while it was read"
    }

    /// The error for a file or folder that containment refused; it names the path, never anything read from it.
    static func refusalDiagnostic(_ refusal: WorkspaceContainment.Refusal, path: String, isFolder: Bool = false) -> Diagnostic {
        var message = WorkspaceContainment.explanation(of: refusal, for: path)
        let thing = isFolder ? "folder" : "file"
        let note: String
        switch refusal {
        case .outside:
            note = "glocal reads nothing outside the workspace folder: copy the \(isFolder ? "files" : "file") in, do not link"
        case .hidden:
            note = "hidden files and folders (.glocal/, .git/, .env) may hold secrets; use a visible workspace \(thing)"
        case .missing:
            note = "point the link at a \(thing) inside the workspace, or replace it with the \(thing)"
        case .wrongKind(let kind):
            if isFolder { message = "\(path) is \(kind.rawValue), not a folder; nothing in it was read" }
            note = isFolder ? "\(path)/ must be a folder of YAML files" : "workspace YAML files must be regular files"
        case .tooLarge:
            note = "a workspace YAML file may be at most \(maximumFileBytes / 1_048_576) MiB; split it into several files"
        case .unreadable:
            note = "check the \(thing)'s permissions and links"
        }
        return Diagnostic(.error, .fileUnreadable, message, at: SourceLocation(file: path, line: 1, column: 1), notes: [note])
    }
}
