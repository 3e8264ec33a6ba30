import Foundation
import GlocalCore
import Testing

/// A post whose link reply or first comment failed went out without its link: read from its receipt, told in words a
/// manager acts on, and found again in the variant's history.
struct LinkReplyFailureTests {
    @Test func theReceiptSaysWhichCarrierFailedAndWhy() {
        #expect(LinkReplyFailure(receipt: PublishReceipt(remoteID: "1", extra: ["reply_id": "2"])) == nil)
        #expect(LinkReplyFailure(receipt: PublishReceipt(remoteID: "1")) == nil)
        let reply = LinkReplyFailure(receipt: PublishReceipt(remoteID: "1", extra: ["reply_error": "permanent failure: 403"]))
        #expect(reply == LinkReplyFailure(carrier: .reply, error: "permanent failure: 403"))
        #expect(
            reply?.note
                == "published without its link: the reply with the link failed (permanent failure: 403): add the link as a reply to the post by hand"
        )
        let comment = LinkReplyFailure(
            receipt: PublishReceipt(remoteID: "1", extra: ["first_comment_error": "transient failure: HTTP 500"]))
        #expect(comment?.carrier == .firstComment)
        #expect(
            comment?.note
                == "published without its link: the first comment with the link failed (transient failure: HTTP 500): add the link as the first comment under the post by hand"
        )
        // A rate-limited reply is no exception: the link is missing all the same.
        let limited = LinkReplyFailure(
            receipt: PublishReceipt(remoteID: "1", extra: ["reply_error": "rate limited until 2027-03-01T10:00:00Z"]))
        #expect(limited?.note.hasPrefix(LinkReplyFailure.notePrefix) == true)
    }

    @Test func theNoteIsReadFromTheLastStateEventOnly() {
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        func event(_ from: VariantState, _ to: VariantState, _ reason: String?, id: Int64) -> AuditEvent {
            AuditEvent(
                id: id, at: at, actor: "dispatcher", variantID: "c/p/a", action: .setState, fromState: from, toState: to,
                before: nil, after: nil, reason: reason)
        }
        let note = LinkReplyFailure(carrier: .reply, error: "x").note
        let published = event(.publishing, .published, nil, id: 1)
        #expect(LinkReplyFailure.latestNote(in: [published]) == nil)
        #expect(LinkReplyFailure.latestNote(in: [published, event(.published, .published, note, id: 2)]) == note)
        #expect(LinkReplyFailure.latestNote(in: [event(.unknown, .unknown, "gave up", id: 3)]) == nil)
    }
}
