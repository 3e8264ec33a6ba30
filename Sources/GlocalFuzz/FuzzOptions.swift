import Foundation

/// The command line of `glocal-fuzz`, shared by the driver and its workers (the driver passes its options on).
struct FuzzOptions {
    var seed: UInt64 = 1
    /// The driver's time budget.
    var durationSeconds: Double = 180
    /// Stop after this many executions (0: only the time budget counts).
    var maxExecutions: UInt64 = 0
    /// An input running longer than this is a hang.
    var timeoutSeconds: Double = 10
    /// The worker's address-space limit (0: none).
    var memoryLimitMB = 2048
    /// Time spent shrinking each new finding's input.
    var minimizeSeconds: Double = 30
    /// The base workspace every input is laid over.
    var base = URL(fileURLWithPath: "Tests/GlocalCLITests/Fixtures/golden/base")
    /// The golden cases whose overlays seed the corpus (`nil`: the base's files only).
    var cases: URL? = URL(fileURLWithPath: "Tests/GlocalCLITests/Fixtures/golden/cases")
    var findings = URL(fileURLWithPath: ".build/fuzz/findings")
    var state = URL(fileURLWithPath: ".build/fuzz/state")
    /// A `glocal` binary run on every `cliEvery`-th input to catch exit 2.
    var cli: URL? = nil
    var cliEvery = 50
    /// The worker's first iteration.
    var start: UInt64 = 0

    static let usage = """
        usage: glocal-fuzz [run] [--seed N] [--duration S] [--max-execs N] [--timeout S] [--memory-mb N]
                           [--minimize S] [--base DIR] [--cases DIR|none] [--findings DIR] [--state DIR]
                           [--cli PATH] [--cli-every N]
               glocal-fuzz check WORKSPACE          run one workspace in-process and print the outcome
               glocal-fuzz input --seed N --iteration I --out DIR   write the input of one iteration
        """

    /// Parses `--name value` pairs; `positional` collects the other arguments.
    init(arguments: [String], positional: inout [String]) throws {
        var index = 0
        func value() throws -> String {
            index += 1
            guard index < arguments.count else {
                throw FuzzFailure(message: "\(arguments[index - 1]) needs a value\n\(Self.usage)")
            }
            return arguments[index]
        }
        func number<T: LosslessStringConvertible>(_ name: String) throws -> T {
            let text = try value()
            guard let parsed = T(text) else { throw FuzzFailure(message: "\(name): not a number: \(text)") }
            return parsed
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--seed": seed = try number(argument)
            case "--duration": durationSeconds = try number(argument)
            case "--max-execs": maxExecutions = try number(argument)
            case "--timeout": timeoutSeconds = try number(argument)
            case "--memory-mb": memoryLimitMB = try number(argument)
            case "--minimize": minimizeSeconds = try number(argument)
            case "--base": base = URL(fileURLWithPath: try value())
            case "--cases":
                let path = try value()
                cases = path == "none" ? nil : URL(fileURLWithPath: path)
            case "--findings": findings = URL(fileURLWithPath: try value())
            case "--state": state = URL(fileURLWithPath: try value())
            case "--cli": cli = URL(fileURLWithPath: try value())
            case "--cli-every": cliEvery = try number(argument)
            case "--start", "--iteration": start = try number(argument)
            case "--out": positional.append(try value())
            default:
                guard !argument.hasPrefix("--") else { throw FuzzFailure(message: "unknown option \(argument)\n\(Self.usage)") }
                positional.append(argument)
            }
            index += 1
        }
    }

    /// The options a worker starting at `start` is given.
    func workerArguments(start: UInt64) -> [String] {
        var arguments = [
            "worker", "--seed", "\(seed)", "--start", "\(start)", "--max-execs", "\(maxExecutions)",
            "--memory-mb", "\(memoryLimitMB)", "--base", base.path, "--cases", cases?.path ?? "none", "--state", state.path,
            "--cli-every", "\(cliEvery)",
        ]
        if let cli { arguments += ["--cli", cli.path] }
        return arguments
    }
}
