import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases
import GlocalYAML
import Yams

// glocal-bench: in-process timings for bench/run.py.
//   glocal-bench parse PATH [N]     Yams.compose of every workspace file, sequentially (the baseline)
//   glocal-bench parse-basic PATH [N]  the same with Yams' basic resolver, as glocal parses
//   glocal-bench validate PATH [N]  glocal's full load + validation of the same files
//   glocal-bench expand PATH [N]    only the expansion into variants (after loading, not timed), to profile
//   glocal-bench schedule PATH [N]  expansion + scheduling of every variant (after loading, not timed)
//   glocal-bench apply PATH [N]     writing the whole plan into a new SQLite file (planning not timed)
// Prints one JSON object with the best and median wall time in seconds.

/// User + system CPU time of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, ["parse", "parse-basic", "validate", "expand", "load", "schedule", "apply"].contains(arguments[1])
else {
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
    if arguments[1] == "schedule" || arguments[1] == "apply" {
        let workspace = loader.load().workspace!
        let notBefore = ISO8601DateFormatter().date(from: "2026-11-21T09:00:00Z")!
        var scheduled: [ScheduledVariant] = []
        let scheduleTime = seconds {
            // The stages of glocal's own plan pipeline, timed one by one (no store: nothing learned, nothing stored).
            var variants: [PostVariant] = []
            let expandTime = seconds { variants = PlanPipeline.expand(workspace) }
            var result: (scheduled: [ScheduledVariant], diagnostics: [Diagnostic]) = ([], [])
            let placeTime = seconds {
                result = PlanPipeline.schedule(variants, in: workspace, learned: nil, stored: [], notBefore: notBefore)
            }
            detail = "\"expand\": \(expandTime), \"place\": \(placeTime), "
            scheduled = result.scheduled
            detail +=
                "\"variants\": \(variants.count), \"scheduled\": \(result.scheduled.count), \"unplaceable\": \(result.diagnostics.count)"
        }
        if arguments[1] == "schedule" {
            times.append(scheduleTime)
        } else {
            let plan = PlanPipeline.plan(scheduled, in: workspace, stored: [])
            let path = NSTemporaryDirectory() + "glocal-bench-\(UUID().uuidString).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let store = try! WorkspaceAccess(root: root, databasePath: path).openStore(.createdIfMissing)
            var written = 0
            let cpuBefore = cpuSeconds()
            times.append(seconds { written = try! store.apply(plan, actor: "bench", now: notBefore) })
            // Wall time on a shared disk varies a lot; CPU time says what the code itself costs.
            detail += ", \"written\": \(written), \"cpu\": \(cpuSeconds() - cpuBefore)"
        }
    } else if arguments[1] == "load" {
        times.append(seconds { detail = "\"files\": \(loader.load().fileCount)" })
    } else if arguments[1] == "expand" {
        let workspace = loader.load().workspace!
        let expander = VariantExpander(workspace: workspace)
        times.append(
            seconds {
                let counts = workspace.campaigns.concurrentMap { campaign -> Int in
                    var count = 0
                    _ = expander.forEachVariant(of: campaign) { _ in count += 1 }
                    return count
                }
                detail = "\"variants\": \(counts.reduce(0, +))"
            })
    } else if arguments[1].hasPrefix("parse") {
        let resolver: Resolver = arguments[1] == "parse" ? .default : .basic
        times.append(
            seconds {
                var nodes = 0
                for file in files {
                    let text = try! String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                    if (try? Yams.compose(yaml: text, resolver)) != nil { nodes += 1 }
                }
                detail = "\"files\": \(nodes)"
            })
    } else {
        var loadTime = 0.0
        times.append(
            seconds {
                var loaded: LoadedWorkspace? = nil
                loadTime = seconds { loaded = loader.load() }
                let report = WorkspaceValidator(media: FileMediaInspector(root: root)).validate(
                    loaded!.workspace, readingDiagnostics: loaded!.diagnostics, fileCount: loaded!.fileCount,
                    unreadableFiles: loaded!.unreadableFiles)
                detail =
                    "\"load\": \(loadTime), \"files\": \(report.statistics.files), \"variants\": \(report.statistics.variants), \"errors\": \(report.count(.error)), \"warnings\": \(report.count(.warning))"
            })
    }
}
let sorted = times.sorted()
print(
    "{\"mode\": \"\(arguments[1])\", \"runs\": \(runs), \"best\": \(sorted[0]), \"median\": \(sorted[sorted.count / 2]), \(detail)}"
)
