import Foundation
import GlocalCore
import Hummingbird

/// The edit form's live count: `POST /variants/…/count` answers the text's count as the network counts it and
/// the problems the validator finds (the same `VariantEditCheck` and ``EditedTextControls`` as saving), as JSON; and the previews'
/// stylesheet and the editor's script, served by glocal itself.
struct EditorRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<AppRequestContext>) {
        router.post(RouterPath(VariantRoutes.path + "/count")) { request, context -> Response in
            let guardian = RequestGuard(environment: environment)
            let session = try guardian.session(context)
            let form = try await guardian.form(request, context: context, session: session)
            // The count serves the edit form, which only those who may change the variant have: a viewer's post is 403.
            let variant = try guardian.actionableVariant(
                try RequestGuard.variantID(context), scope: environment.scope(of: session.user))
            let text = (form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            let placement = form["link_placement"].flatMap(LinkPlacement.init(rawValue:)) ?? variant.linkPlacement
            let account = environment.workspace.accounts.filter { $0.id.value == variant.accountID }
            // Other accounts' variants matter only where the network forbids the same text twice (X).
            let siblings =
                NetworkRules.forNetwork(variant.network).requiresDistinctTextAcrossAccounts
                ? try environment.store.variants(campaign: variant.campaignID, visible: { _ in true }).filter {
                    $0.postID == variant.postID
                } : []
            let diagnostics =
                VariantEditCheck(accounts: account, media: environment.media)
                .check(variant, text: text, linkPlacement: placement, siblings: siblings)
                + EditedTextControls.diagnostics(in: text, network: variant.network, account: variant.accountID)
            let answer = TextCountAnswer(
                network: variant.network, text: text, maxCharacters: account.first?.maxCharacters, diagnostics: diagnostics)
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: try answer.json())))
        }
        router.get("/static/previews.css") { _, _ -> Response in
            Self.asset(PreviewStylesheet.css, type: "text/css; charset=utf-8")
        }
        router.get("/static/editor.js") { _, _ -> Response in
            Self.asset(EditorScript.source, type: "text/javascript; charset=utf-8")
        }
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
