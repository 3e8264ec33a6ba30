import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases

/// `glocal approve ID@REVISION...`: approves pending variants (for scripts), each at the revision the
/// caller reviewed (`glocal pending` prints them).
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve pending variants at the revision you reviewed. Exit status 1 if any could not be approved "
            + "(the others are).",
        discussion: """
            Name each variant with the revision you reviewed, as `glocal pending` prints it: ID@REVISION, or one ID with \
            --revision REVISION. A variant whose content changed since that revision is not approved.
            """)

    @Argument(help: "Variant ids with the revision you reviewed: campaign/post/account@revision.")
    var ids: [String]

    @Option(help: "The revision you reviewed, when approving a single variant named without @revision.")
    var revision: String?

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .customLong("as"), help: "Act as this user (their role and teams apply; recorded in the audit log).")
    var user: String?

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one variant id") }
        if revision != nil, ids.count > 1 {
            throw ValidationError("--revision names the revision of one variant; for several, write each as ID@REVISION")
        }
        _ = try requests()
    }

    /// Each id with the revision it names.
    func requests() throws -> [(id: String, revision: VariantRevision)] {
        try ids.map { argument in
            let (id, named) = try request(argument)
            // A usage error, not a refusal saying the variant changed: too short a prefix names no revision reliably.
            guard named.value.count >= VariantRevision.minimumPrefix else {
                throw ValidationError(
                    "'\(argument)': revision '\(named)' is too short: give the full revision as glocal pending prints it "
                        + "(or at least its first \(VariantRevision.minimumPrefix) characters)")
            }
            return (id, named)
        }
    }

    /// `argument`'s id and the revision it (or --revision) names.
    private func request(_ argument: String) throws -> (id: String, revision: VariantRevision) {
        if let at = argument.lastIndex(of: "@") {
            let id = String(argument[..<at])
            guard let named = VariantRevision(String(argument[argument.index(after: at)...])) else {
                throw ValidationError("'\(argument)': no revision after '@' (glocal pending prints each variant's revision)")
            }
            if let revision, revision != named.value {
                throw ValidationError("'\(argument)' and --revision \(revision) name different revisions")
            }
            return (id, named)
        }
        guard let named = revision.flatMap(VariantRevision.init) else {
            throw ValidationError(
                "'\(argument)': name the revision you reviewed: glocal approve \(argument)@REVISION "
                    + "(or --revision REVISION); glocal pending prints each variant's revision")
        }
        return (argument, named)
    }

    func run() throws {
        let approvals = try VariantApprovals(access: options.access())
        let actor = try approvals.actor(named: user, environment: ProcessInfo.processInfo.environment)
        let now = try options.instant()
        var failed = 0
        for (id, revision) in try requests() {
            do {
                try approvals.approve(id, revision: revision, by: actor, now: now)
                print("approved \(id)@\(revision)")
            } catch let error as ApprovalError {
                failed += 1
                var message = "glocal: \(error)\n"
                if case .staleRevision = error, let changes = try approvals.store.changes(of: id, since: revision) {
                    message += RevisionChangesText.render(changes)
                }
                FileHandle.standardError.write(Data(message.utf8))
            }
        }
        if failed > 0 { throw ExitCode(ExitStatus.failed) }
    }
}
