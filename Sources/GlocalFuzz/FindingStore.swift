import Foundation

/// The findings folder: one sub-folder per distinct signature (`crash-1`, `hang-1` …) holding the reproducer
/// workspace, the original (unminimised) input, the worker's log and a README; repeats are only counted.
final class FindingStore {
    /// A distinct finding and how often its signature came up.
    struct Entry {
        var finding: Finding
        var folder: URL
        var hits: Int
    }

    let folder: URL
    private(set) var entries: [Entry] = []

    init(folder: URL) { self.folder = folder }

    /// Records a finding whose reproducer workspace is `workspace`; returns the new entry, or `nil` for a repeat.
    func record(_ finding: Finding, workspace: URL, seed: UInt64, minimize: (URL, String) -> String?) throws -> Entry? {
        if let index = entries.firstIndex(where: { $0.finding.problem == finding.problem }) {
            entries[index].hits += 1
            return nil
        }
        let fm = FileManager.default
        let count = entries.filter { $0.finding.problem.kind == finding.problem.kind }.count + 1
        let target = folder.appendingPathComponent("\(finding.problem.kind.rawValue)-\(count)")
        try? fm.removeItem(at: target)
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        let reproducer = target.appendingPathComponent("workspace")
        try fm.copyItem(at: workspace, to: reproducer)
        let input = reproducer.appendingPathComponent(finding.mutatedFile)
        try? fm.copyItem(at: input, to: target.appendingPathComponent("original-input"))
        let minimized = minimize(reproducer, finding.mutatedFile)
        try Data(finding.log.utf8).write(to: target.appendingPathComponent("log.txt"))
        let shrunk = minimized.map { " (\($0))" } ?? ""
        let readme = """
            \(finding.problem.kind.rawValue): \(finding.problem.signature)
            seed \(seed), iteration \(finding.iteration); mutated file: \(finding.mutatedFile)\(shrunk)
            mutations:
            \(finding.mutations)
            reproduce: cd workspace && glocal validate   (or: glocal-fuzz check workspace)
            regenerate: glocal-fuzz input --seed \(seed) --iteration \(finding.iteration) --out DIR

            """
        try Data(readme.utf8).write(to: target.appendingPathComponent("README.txt"))
        let entry = Entry(finding: finding, folder: target, hits: 1)
        entries.append(entry)
        return entry
    }
}
