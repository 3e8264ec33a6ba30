import Foundation
import Testing

@testable import glocal_fuzz

/// The fuzzer's pure parts: reproducible inputs, crash signatures, output checks and the worker's report lines.
@Suite struct FuzzPartsTests {
    static let corpus: SeedCorpus = {
        let golden = FuzzDriverTests.golden
        return try! SeedCorpus(base: golden.appendingPathComponent("base"), cases: golden.appendingPathComponent("cases"))
    }()

    @Test func theCorpusHoldsTheBaseAndTheGoldenOverlays() {
        let paths = Set(Self.corpus.seeds.map(\.path))
        #expect(paths.contains("glocal.yaml") && paths.contains("accounts.yaml") && paths.contains("campaigns/hydra-launch.yaml"))
        #expect(Self.corpus.seeds.count > 60)
        #expect(Self.corpus.seeds.allSatisfy { $0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".yml") })
    }

    @Test func anIterationAlwaysGivesTheSameInput() {
        for iteration: UInt64 in [0, 1, 17, 4_000] {
            let first = FuzzInput.make(seed: 42, iteration: iteration, corpus: Self.corpus)
            let again = FuzzInput.make(seed: 42, iteration: iteration, corpus: Self.corpus)
            #expect(first.bytes == again.bytes && first.path == again.path && first.mutations == again.mutations)
        }
    }

    @Test func inputsVaryWithTheIterationAndTheSeed() {
        let inputs = (0..<200).map { FuzzInput.make(seed: 42, iteration: UInt64($0), corpus: Self.corpus) }
        #expect(Set(inputs.map(\.bytes)).count > 190)
        #expect(Set(inputs.map(\.path)).count > 5)
        let kinds = Set(
            inputs.flatMap { $0.mutations.dropFirst().map { $0.split(separator: " ").prefix(2).joined(separator: " ") } })
        #expect(kinds.count > 20, "\(kinds.sorted())")
        #expect(inputs.contains { $0.mutations.count > 2 })
        let other = FuzzInput.make(seed: 43, iteration: 0, corpus: Self.corpus)
        #expect(other.bytes != inputs[0].bytes || other.path != inputs[0].path)
    }

    @Test func everyInputStartsFromASeedAndSaysHow() {
        for iteration: UInt64 in 0..<50 {
            let input = FuzzInput.make(seed: 9, iteration: iteration, corpus: Self.corpus)
            #expect(input.mutations.first == "seed \(input.path)")
            #expect(input.mutations.count >= 2)
        }
    }

    @Test func aCrashSignatureIsTheFatalErrorAndTheFirstGlocalFrame() {
        let errors = """
            Swift/ContiguousArrayBuffer.swift:690: Fatal error: Index out of range

            💣 Program crashed: Illegal instruction at 0x00007f

            Thread 0 crashed:

            0 0x00007f3c in _assertionFailure(_:_:file:line:flags:) + 264 in libswiftCore.so
            1 [ra] 0x000055d0 FileMediaInspector.siblings(of:) + 812 in glocal-fuzz at /work/main/Sources/GlocalYAML/FileMediaInspector.swift:61:29
            2 [ra] 0x000055d1 MediaCatalog.init() + 1 in glocal-fuzz at /work/main/Sources/GlocalCore/Validation/MediaCatalog.swift:9:1
            """
        #expect(
            CrashSignature.of(errors: errors, signal: SIGILL)
                == "ContiguousArrayBuffer.swift:690: Fatal error: Index out of range at FileMediaInspector.siblings(of:) (FileMediaInspector.swift:61)"
        )
        #expect(CrashSignature.of(errors: "", signal: SIGSEGV) == "signal \(SIGSEGV) (SIGSEGV)")
    }

    @Test func withoutAFatalErrorTheCrashingFrameNamesTheCrash() {
        let errors = """
            *** Program crashed: Illegal instruction at 0x00007fb8eb6e2cc5 ***
              0               0x00007fb8eb6e2cc5 String._startOfLastPathComponent.getter + 309 in libFoundation.so
              1 [ra]          0x00007fb8eb6e55b6 NSString.deletingLastPathComponent.getter + 181 in libFoundation.so
              2 [ra]          0x0000562206f621d4 FileMediaInspector.siblings(of:) + 147 in glocal-fuzz at /w/Sources/GlocalYAML/FileMediaInspector.swift:62:41
            """
        #expect(
            CrashSignature.of(errors: errors, signal: SIGILL)
                == "in String._startOfLastPathComponent.getter at FileMediaInspector.siblings(of:) (FileMediaInspector.swift:62)")
    }

    @Test func aRuntimeFailureIsNamedByItsMessage() {
        let errors = """
            *** Swift runtime failure: arithmetic overflow ***
              0 [inlined] [system] 0x00005579b778e52e Swift runtime failure: arithmetic overflow in glocal-fuzz at //<compiler-generated>
              1                    0x00005579b778e52e LocalDate.adding(days:) + 126 in glocal-fuzz at /w/Sources/GlocalCore/Support/LocalDate.swift:49:91
            """
        #expect(
            CrashSignature.of(errors: errors, signal: SIGILL)
                == "Swift runtime failure: arithmetic overflow at LocalDate.adding(days:) (LocalDate.swift:49)")
    }

    @Test func sizesInAFatalErrorDoNotSplitItsClass() {
        #expect(
            CrashSignature.shortened("Fatal error: failed to allocate 2920000048 bytes of memory with alignment 8")
                == "Fatal error: failed to allocate N bytes of memory with alignment N")
        #expect(
            CrashSignature.shortened("/x/Swift/Array.swift:690: Fatal error: Index out of range")
                == "Array.swift:690: Fatal error: Index out of range")
    }

    @Test func aHangIsNamedAfterItsHeavyMutationWithoutNumbers() {
        let mutations = ["seed locales/fr.yaml", "flip a bit at byte 3", "heavy: add 7000 unknown keys after line 5"]
        #expect(FuzzInput.heavyKind(of: mutations) == "add unknown keys after line")
        let nesting = ["heavy: nest 5000 levels (closed); replace the value on line 3 with \"[[[\" (10001 bytes)"]
        #expect(FuzzInput.heavyKind(of: nesting) == "nest levels (closed)")
        #expect(FuzzInput.heavyKind(of: ["seed glocal.yaml", "delete line 2"]) == nil)
    }

    @Test func thePreviewShowsOneLogLinePerFileLineWithControlsMadeVisible() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-fuzz-preview-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("a: 1\r\nb: \u{1B}[2J\r\n".utf8).write(to: file)
        #expect(ReproducerPreview.lines(of: file) == ["a: 1\u{FFFD}", "b: \u{FFFD}[2J\u{FFFD}", ""])
        try Data(String(repeating: "x\n", count: 50).utf8).write(to: file)
        #expect(ReproducerPreview.lines(of: file, limit: 3) == ["x", "x", "x", "… (51 lines, 100 bytes)"])
    }

    @Test func wellFormedOutputsPass() {
        let github = "::error file=a.yaml,line=1,col=1,title=x::message%0Anote: n\n1 error\n"
        #expect(OutputChecks.problem(text: "a\tb\n", json: "{}", github: github, sarif: "{\"a\": 1}") == nil)
    }

    @Test func malformedOutputsAreFindings() {
        #expect(
            OutputChecks.problem(text: "", json: "{", github: "0 errors\n", sarif: "{}")?.signature
                == "json output is not a JSON object")
        #expect(
            OutputChecks.problem(text: "", json: "{}", github: "::error::a\nb\n0 errors\n", sarif: "{}")?.signature
                == "github output has a line that is not a workflow command")
        #expect(
            OutputChecks.problem(text: "x \u{1B}[2J", json: "{}", github: "0 errors\n", sarif: "{}")?.signature
                == "text output holds the raw control character U+001B")
        #expect(OutputChecks.problem(text: "a\rb", json: "{}", github: "", sarif: "{}")?.kind == .output)
    }

    @Test func reportLinesCarryTheOutcome() {
        let clean = Report(line: "E 12 1 3456")
        #expect(clean.iteration == 12 && clean.exitCode == 1 && clean.micros == 3456 && clean.problem == nil)
        let broken = Report(line: "E 3 0 10 output\ttext output holds the raw control character U+001B")
        #expect(broken.problem == Finding.Problem(kind: .output, signature: "text output holds the raw control character U+001B"))
    }

    @Test func theTestHookOnlyActsOnItsIteration() {
        let hook = TestHook(environment: ["GLOCAL_FUZZ_TEST_HOOK": "exit2@4"])
        #expect(hook.intercept(iteration: 3) == nil)
        #expect(hook.intercept(iteration: 4)?.problem?.kind == .exit2)
        #expect(TestHook(environment: [:]).action == nil)
        #expect(TestHook(environment: ["GLOCAL_FUZZ_TEST_HOOK": "slow@2:300"]).action == .slow(milliseconds: 300))
    }
}
