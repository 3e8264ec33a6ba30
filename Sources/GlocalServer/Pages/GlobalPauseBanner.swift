/// The global crisis pause as every signed-in page shows it, above its content. The
/// `GlobalPauseMiddleware` reads the store once per request and binds `current` while the page
/// is built, so no page has to ask for it.
struct GlobalPauseBanner: Sendable {
    /// The pause holding during this request, if any.
    @TaskLocal static var current: GlobalPauseBanner?

    /// Why an admin paused everything (`nil`: no reason recorded).
    let reason: String?

    /// The banner.
    var html: HTML {
        """
        <div class="crisis" role="alert" id="global-pause"><strong>Every account is paused (global crisis pause).</strong>
        Nothing is published until an admin lifts it; slots that pass meanwhile are missed, not sent late.
        Reason: \(reason ?? "no reason given"). <a href="/accounts">Accounts</a></div>
        """
    }
}
