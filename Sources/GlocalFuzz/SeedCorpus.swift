import Foundation

/// The inputs mutations start from: every YAML file of the base workspace and of the golden cases' overlays,
/// each with the workspace-relative path it is written to.
struct SeedCorpus {
    /// One seed file.
    struct Seed {
        /// Where the file goes in the workspace, e.g. `campaigns/hydra-launch.yaml`.
        var path: String
        /// Its bytes.
        var bytes: [UInt8]
    }

    var seeds: [Seed]

    /// Reads the YAML files of `base` and of every `cases/*/overlay` folder (sorted, so the corpus is stable).
    init(base: URL, cases: URL?) throws {
        var seeds = try Self.yamlFiles(in: base)
        if let cases {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: cases.path)) ?? []
            for name in names.sorted() {
                seeds += try Self.yamlFiles(in: cases.appendingPathComponent(name).appendingPathComponent("overlay"))
            }
        }
        guard !seeds.isEmpty else { throw FuzzFailure(message: "no YAML seed files under \(base.path)") }
        self.seeds = seeds
    }

    init(seeds: [Seed]) { self.seeds = seeds }

    /// The seeds written to `path`, or all seeds when none is.
    func seeds(at path: String) -> [Seed] {
        let same = seeds.filter { $0.path == path }
        return same.isEmpty ? seeds : same
    }

    private static func yamlFiles(in folder: URL) throws -> [Seed] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var seeds: [Seed] = []
        for case let relative as String in enumerator where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
            // Golden cases also hold symbolic links (to files outside, or dangling): only regular files are seeds.
            let file = folder.appendingPathComponent(relative)
            let type = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.type] as? FileAttributeType
            guard type == .typeRegular else { continue }
            let data = try Data(contentsOf: file)
            seeds.append(Seed(path: relative, bytes: Array(data)))
        }
        return seeds.sorted { $0.path < $1.path }
    }
}

/// A usage or set-up problem of the fuzzer itself (exit status 2).
struct FuzzFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
