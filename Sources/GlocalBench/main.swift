import Foundation
import GlocalCore
import GlocalYAML
import Yams

// glocal-bench: in-process timings for bench/run.py.
//   glocal-bench parse PATH [N]     Yams.compose of every workspace file, sequentially (the baseline)
//   glocal-bench parse-basic PATH [N]  the same with Yams' basic resolver, as glocal parses
//   glocal-bench validate PATH [N]  glocal's full load + validation of the same files
//   glocal-bench expand PATH [N]    only the expansion into variants (after loading, not timed), to profile
// Prints one JSON object with the best and median wall time in seconds.

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, ["parse", "parse-basic", "validate", "expand", "load"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: glocal-bench parse|validate|expand PATH [RUNS]\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[2])
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
let loader = WorkspaceLoader(root: root)
let files = loader.workspaceFiles()
var times: [Double] = []
var detail = ""
for _ in 0..<runs {
    if arguments[1] == "load" {
        times.append(seconds { detail = "\"files\": \(loader.load().fileCount)" })
    } else if arguments[1] == "expand" {
        let workspace = loader.load().workspace!
        let expander = VariantExpander(workspace: workspace)
        times.append(seconds {
            let counts = workspace.campaigns.concurrentMap { campaign -> Int in
                var count = 0
                _ = expander.forEachVariant(of: campaign) { _ in count += 1 }
                return count
            }
            detail = "\"variants\": \(counts.reduce(0, +))"
        })
    } else if arguments[1].hasPrefix("parse") {
        let resolver: Resolver = arguments[1] == "parse" ? .default : .basic
        times.append(seconds {
            var nodes = 0
            for file in files {
                let text = try! String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                if (try? Yams.compose(yaml: text, resolver)) != nil { nodes += 1 }
            }
            detail = "\"files\": \(nodes)"
        })
    } else {
        var loadTime = 0.0
        times.append(seconds {
            var loaded: LoadedWorkspace? = nil
            loadTime = seconds { loaded = loader.load() }
            let report = WorkspaceValidator(media: FileMediaInspector(root: root)).validate(
                loaded!.workspace, readingDiagnostics: loaded!.diagnostics, fileCount: loaded!.fileCount,
                unreadableFiles: loaded!.unreadableFiles)
            detail = "\"load\": \(loadTime), \"files\": \(report.statistics.files), \"variants\": \(report.statistics.variants), \"errors\": \(report.count(.error)), \"warnings\": \(report.count(.warning))"
        })
    }
}
let sorted = times.sorted()
print("{\"mode\": \"\(arguments[1])\", \"runs\": \(runs), \"best\": \(sorted[0]), \"median\": \(sorted[sorted.count / 2]), \(detail)}")
