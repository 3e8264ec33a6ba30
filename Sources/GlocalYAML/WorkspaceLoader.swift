import Dispatch
import Foundation
import GlocalCore
import Yams

/// Reads a workspace directory: `glocal.yaml`, `accounts.yaml`, `locales/*.yaml`, `campaigns/*.yaml`.
///
/// Files are parsed in parallel; each is decoded on its own, so one broken file never hides
/// the problems of another.
public struct WorkspaceLoader: Sendable {
    /// The workspace directory.
    public let root: URL

    /// Creates a loader for the directory at `root`.
    public init(root: URL) { self.root = root }

    /// The workspace files that exist, as paths relative to the root, in a stable order.
    public func workspaceFiles() -> [String] {
        var files: [String] = []
        for name in ["glocal.yaml", "accounts.yaml"] where exists(name) { files.append(name) }
        for folder in ["locales", "campaigns"] { files += yamlFiles(in: folder) }
        return files
    }

    /// Reads and decodes every workspace file.
    public func load() -> LoadedWorkspace {
        var diagnostics: [Diagnostic] = []
        var unreadable = Set<String>()
        for name in ["glocal.yaml", "accounts.yaml"] where !exists(name) {
            unreadable.insert(name)
            let hint = name == "accounts.yaml"
                ? "create accounts.yaml with an 'accounts:' list (see docs/campaign-format.md)"
                : "create glocal.yaml with 'workspace:' and 'default_locale:' (see docs/campaign-format.md)"
            diagnostics.append(Diagnostic(.error, .fileMissing, "\(name) is missing from the workspace", at: nil, notes: [hint]))
        }
        let files = workspaceFiles()
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
            workspace: workspace, sources: sources, diagnostics: diagnostics, fileCount: files.count, unreadableFiles: unreadable)
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

    private func decode(_ path: String) -> FileResult {
        let collector = DiagnosticCollector()
        var context = DecodeContext(file: path, collector: collector)
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            collector.error(.fileUnreadable, "cannot read \(path)", at: nil)
            return FileResult(path: path, text: nil, content: .none, diagnostics: collector.diagnostics)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            collector.error(
                .fileUnreadable, "\(path) is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1),
                notes: ["save the file as UTF-8"])
            return FileResult(path: path, text: nil, content: .none, diagnostics: collector.diagnostics)
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

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    private func yamlFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(folder)/\($0)" }
    }
}
