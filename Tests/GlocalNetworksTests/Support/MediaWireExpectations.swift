import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// What Facebook and LinkedIn must have received for a post with (or without) images.
enum MediaWireExpectations {
    /// No media: the feed form. One image: a published photo with the caption, fetched from its URL. Several: each
    /// uploaded unpublished, then a feed post attaching exactly those photos in order.
    static func checkFacebook(post: OutgoingPost, stored: SandboxPost, media: [SandboxPost], receipt: PublishReceipt) throws {
        let form = WireExpectations.form(stored.body)
        #expect(stored.id.hasPrefix("102938475610293_"))
        switch post.media.count {
        case 0:
            #expect(form == ["message": post.text])
            #expect(media.isEmpty)
        case 1:
            #expect(form == ["url": "https://cdn.lumiere.example/teaser.jpg", "message": post.text])
            let photo = try #require(media.first)
            #expect(media.count == 1)
            #expect(stored.key == photo.id)
            #expect(receipt.extra["photo_id"] == photo.id)
        default:
            #expect(media.count == post.media.count)
            for (index, photo) in media.enumerated() {
                let sent = WireExpectations.form(photo.body)
                #expect(sent == ["published": "false", "source": "\(5 + index) bytes image/png"])
            }
            var expected = ["message": post.text]
            for (index, photo) in media.enumerated() { expected["attached_media[\(index)]"] = "{\"media_fbid\":\"\(photo.id)\"}" }
            #expect(form == expected)
            #expect(receipt.extra["photo_ids"] == media.map(\.id).joined(separator: ","))
        }
    }

    /// No media: no `content`. One image: `content.media {id, altText}`. Several: `content.multiImage.images`, each
    /// an image uploaded (its bytes PUT) before the post, in order.
    static func checkLinkedIn(post: OutgoingPost, body: [String: Any], media: [SandboxPost]) throws {
        #expect(media.count == post.media.count)
        guard !post.media.isEmpty else {
            #expect(body["content"] == nil)
            return
        }
        let content = try #require(body["content"] as? [String: Any])
        let expected = zip(media, post.media).map { ["id": $0.id, "altText": $1.altText ?? ""] as NSDictionary }
        for (index, (stored, file)) in zip(media, post.media).enumerated() {
            #expect(stored.id.hasPrefix("urn:li:image:"))
            #expect(stored.body == "\(post.media.count == 1 ? 3 : 5 + index) bytes \(file.mimeType)")
        }
        if post.media.count == 1 {
            #expect(content as NSDictionary == ["media": expected[0]] as NSDictionary)
        } else {
            #expect(content as NSDictionary == ["multiImage": ["images": expected]] as NSDictionary)
        }
    }
}
