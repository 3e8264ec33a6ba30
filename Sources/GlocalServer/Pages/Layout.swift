import Foundation
import GlocalCore
import GlocalStore
import Hummingbird

/// The page shell: header with navigation and the signed-in user, main content, one stylesheet.
enum Layout {
    /// A complete page; for a signed-in user, with the global crisis pause's banner when it holds.
    static func page(title: String, session: Session?, notice: String? = nil, _ content: HTML) -> HTML {
        let navigation: HTML
        if let session {
            navigation = """
                <nav aria-label="Main"><ul>
                <li><a href="/">My queue</a></li><li><a href="/campaigns">Campaigns</a></li><li><a href="/calendar">Calendar</a></li><li><a href="/accounts">Accounts</a></li><li><a href="/report">Report</a></li><li><a href="/audit">Audit log</a></li><li><a href="/notifications">Notifications</a></li>
                </ul>
                <form method="post" action="/logout" class="inline">\(csrfField(session))
                <span class="who">\(session.user.email) (\(session.user.role.rawValue))</span>
                <button type="submit">Sign out</button></form></nav>
                """
        } else {
            navigation = .empty
        }
        let banner: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        let crisis: HTML = session == nil ? .empty : (GlobalPauseBanner.current?.html ?? .empty)
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · glocal</title>
            <link rel="stylesheet" href="/static/app.css">
            </head><body>
            <a class="skip" href="#main">Skip to content</a>
            <header><strong class="brand">glocal</strong> \(navigation)</header>
            <main id="main">\(crisis)\(banner)\(content)</main>
            </body></html>
            """
    }

    /// A region that scrolls sideways when its content (a wide table, a carousel) is wider than the screen: focusable
    /// and named, so a keyboard user can scroll it too (WCAG 2.1.1; axe's `scrollable-region-focusable`).
    static func scroller(_ label: String, class name: String = "table-wrap", _ content: HTML) -> HTML {
        "<div class=\"\(name)\" role=\"region\" tabindex=\"0\" aria-label=\"\(label)\">\(content)</div>"
    }

    /// The hidden CSRF field every form of a session carries.
    static func csrfField(_ session: Session) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(session.csrfToken)\">"
    }

    /// An HTML response.
    static func response(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html.rendered)))
    }

    /// A 303 redirect (after a form post).
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A UTC instant as `2026-12-01 08:00 UTC`.
    static func utc(_ date: Date) -> String {
        let text = date.ISO8601Format(.iso8601(timeZone: TimeZone(identifier: "UTC")!, includingFractionalSeconds: false))
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
    }

    /// A variant's state for people: `pending approval`; a post of a network without a native client
    /// (none today) reads "sent to webhook", never "published". `network` is `nil` only when unknown.
    static func stateLabel(_ raw: String, network: Network?) -> String { NetworkDelivery.stateLabel(raw, network: network) }

    /// The path of a variant's page.
    static func variantPath(_ id: String) -> String {
        "/variants/"
            + id.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
            .joined(separator: "/")
    }
}
