/// How one Meta network names the steps of its container flow.
struct ContainerStyle: Sendable {
    /// `Instagram` or `Threads`, for messages.
    let name: String
    /// The container status field: `status_code` (Instagram) or `status` (Threads).
    let statusField: String
    /// The field that says why a container failed: `status` (Instagram, e.g. `Error: 2207026 …`) or `error_message`
    /// (Threads).
    let errorField: String
    /// Edge that creates containers and lists posts: `media` or `threads`.
    let mediaEdge: String
    /// Edge that publishes a container: `media_publish` or `threads_publish`.
    let publishEdge: String
    /// Field holding a post's text in listings: `caption` or `text`.
    let textField: String

    static let instagram = ContainerStyle(
        name: "Instagram", statusField: "status_code", errorField: "status", mediaEdge: "media", publishEdge: "media_publish",
        textField: "caption")
    static let threads = ContainerStyle(
        name: "Threads", statusField: "status", errorField: "error_message", mediaEdge: "threads", publishEdge: "threads_publish",
        textField: "text")
}

/// The form fields of the containers of one post: carousel children first, then the main container.
struct ContainerForms {
    var children: [[(String, String)]]
    /// The main container's fields; `children` is added when there are children.
    var main: [(String, String)]
}
