/// A kind of problem glocal reports, with a stable id that CI annotations and SARIF use.
public struct DiagnosticRule: Sendable, Hashable {
    /// The stable id, `area.problem`.
    public let id: String
    /// One line saying what the rule checks.
    public let summary: String

    /// Creates a rule; use the static constants rather than new ids.
    public init(_ id: String, _ summary: String) {
        self.id = id
        self.summary = summary
    }
}

extension DiagnosticRule {
    // MARK: Files and YAML structure
    /// The YAML text could not be parsed.
    public static let yamlSyntax = DiagnosticRule("yaml.syntax", "The file is not well-formed YAML.")
    /// A file could not be read.
    public static let fileUnreadable = DiagnosticRule("file.unreadable", "A workspace file could not be read.")
    /// A required workspace file is missing.
    public static let fileMissing = DiagnosticRule("file.missing", "A required workspace file is missing.")
    /// A key that the format does not define.
    public static let keyUnknown = DiagnosticRule("key.unknown", "A key that the workspace format does not define.")
    /// The same key twice in one mapping.
    public static let keyDuplicate = DiagnosticRule("key.duplicate", "The same key appears twice in one mapping.")
    /// A required key is absent.
    public static let keyMissing = DiagnosticRule("key.missing", "A required key is absent.")
    /// A value of the wrong YAML type.
    public static let typeMismatch = DiagnosticRule("type.mismatch", "A value has the wrong type.")
    /// A value outside its allowed set or range.
    public static let valueInvalid = DiagnosticRule("value.invalid", "A value is outside its allowed set or range.")
    /// A date that is not a real `YYYY-MM-DD` calendar date.
    public static let dateInvalid = DiagnosticRule("date.invalid", "A date is not a real YYYY-MM-DD calendar date.")
    /// A time of day that is not `HH:MM`.
    public static let timeInvalid = DiagnosticRule("time.invalid", "A time of day is not HH:MM.")
    /// A duration that is not like `36h`, `90m`, `2d`.
    public static let durationInvalid = DiagnosticRule("duration.invalid", "A duration is not like 36h, 90m or 2d.")
    /// An IANA time zone that does not exist.
    public static let timezoneUnknown = DiagnosticRule("timezone.unknown", "A time zone is not a known IANA identifier.")
    /// An identifier that is not a lowercase slug.
    public static let idInvalid = DiagnosticRule("id.invalid", "An id is not a lowercase slug.")
    /// Two things with the same id.
    public static let idDuplicate = DiagnosticRule("id.duplicate", "Two things share one id.")

    // MARK: References
    /// A network name that glocal does not know.
    public static let networkUnknown = DiagnosticRule("network.unknown", "A network name that glocal does not support.")
    /// An account id that is not in accounts.yaml.
    public static let accountUnknown = DiagnosticRule("account.unknown", "An account id or pattern matches no account.")
    /// A tag that no account carries.
    public static let tagUnknown = DiagnosticRule("tag.unknown", "A tag that no account carries.")
    /// A locale with no file under locales/.
    public static let localeUnknown = DiagnosticRule("locale.unknown", "A locale with no file under locales/.")
    /// A post id that is not in the campaign.
    public static let postUnknown = DiagnosticRule("post.unknown", "A post id that the campaign does not define.")
    /// A manager address that is not an e-mail address.
    public static let managerInvalid = DiagnosticRule("manager.invalid", "A manager is not an e-mail address.")
    /// An account in no team: no local manager can approve it.
    public static let accountUnmanaged = DiagnosticRule("account.unmanaged", "An account that no team manages.")

    // MARK: Campaign logic
    /// A window whose end is before its start, or a post outside its window.
    public static let windowInvalid = DiagnosticRule("window.invalid", "A campaign window or a post's day is out of range.")
    /// Posts that depend on each other in a cycle, or on a later post.
    public static let sequenceInvalid = DiagnosticRule("sequence.invalid", "Post sequencing (after/min_gap) cannot be satisfied.")
    /// A campaign that targets no account.
    public static let targetsEmpty = DiagnosticRule("targets.empty", "A campaign or post targets no account.")
    /// A per-network override for a network the campaign does not target.
    public static let overrideUnused = DiagnosticRule(
        "override.unused", "A per-network override for a network no target account is on.")
    /// A link that is not an absolute http(s) URL.
    public static let linkInvalid = DiagnosticRule("link.invalid", "A link is not an absolute http(s) URL.")
    /// A hashtag that networks would not recognise.
    public static let hashtagInvalid = DiagnosticRule("hashtag.invalid", "A hashtag with characters networks do not accept.")
    /// A media file that is not in the workspace.
    public static let mediaMissing = DiagnosticRule("media.missing", "A media file is not in the workspace.")
    /// A media file of an unknown type.
    public static let mediaType = DiagnosticRule("media.type", "A media file whose type cannot be told from its name.")
    /// A media path that cannot name a workspace file (control or invisible characters, too long, absolute).
    public static let mediaPath = DiagnosticRule("media.path", "A media path cannot name a file in the workspace.")
    /// A media path that leads outside the workspace through a symbolic link.
    public static let mediaOutsideWorkspace = DiagnosticRule(
        "media.outside-workspace", "A media path leads outside the workspace (a symbolic link); the file is not read.")
    /// A media path that names a folder, a FIFO, a device or a socket.
    public static let mediaNotAFile = DiagnosticRule(
        "media.not-a-file", "A media path names something other than a regular file.")
    /// A media file whose content is not the format its name promises, or is broken.
    public static let mediaContent = DiagnosticRule(
        "media.content", "A media file's content is not the image or video format its name promises.")
    /// A media file cut short.
    public static let mediaTruncated = DiagnosticRule("media.truncated", "A media file ends before its format says it does.")
    /// An image with zero or absurd pixel dimensions.
    public static let mediaDimensions = DiagnosticRule(
        "media.dimensions", "An image has zero, or more than glocal accepts, pixels.")

    // MARK: Localisation
    /// A string key missing in a target locale after the fallback chain.
    public static let stringMissing = DiagnosticRule(
        "string.missing", "A string key has no text for a target locale, even after fallback.")
    /// A string key that resolves through a fallback locale.
    public static let stringFallback = DiagnosticRule("string.fallback", "A string key resolves through a fallback locale.")
    /// A fallback chain that loops.
    public static let localeFallbackCycle = DiagnosticRule("locale.fallback-cycle", "Locale fallbacks form a cycle.")
    /// A locale file whose name does not match its `locale` key.
    public static let localeMismatch = DiagnosticRule("locale.mismatch", "A locale file's name differs from its locale key.")
    /// A `{variable}` in a text that templating does not define.
    public static let templateUnknown = DiagnosticRule(
        "template.unknown-variable", "A {variable} in a text that templating does not define.")
    /// A `{variable}` that has no value for one account (a `{city}` on an account without a city).
    public static let templateMissingValue = DiagnosticRule("template.missing-value", "A {variable} has no value for an account.")
    /// A `{` without its `}`.
    public static let templateSyntax = DiagnosticRule("template.syntax", "A text has an unbalanced { or }.")
    /// A string that no campaign uses.
    public static let stringUnused = DiagnosticRule("string.unused", "A string key that no campaign uses.")

    // MARK: Per-network variant rules
    /// Text longer than the network counts as allowed.
    public static let textTooLong = DiagnosticRule(
        "text.too-long", "A variant's text is longer than the network allows, counted as it counts.")
    /// Text over the network's byte limit.
    public static let textTooManyBytes = DiagnosticRule(
        "text.too-many-bytes", "A variant's text is over the network's UTF-8 byte limit.")
    /// Empty text where the network needs some.
    public static let textEmpty = DiagnosticRule("text.empty", "A variant's text is empty.")
    /// A character the network rejects.
    public static let textForbiddenCharacter = DiagnosticRule(
        "text.forbidden-character", "A variant's text has a character the network rejects.")
    /// A title that is missing or too long (YouTube).
    public static let titleInvalid = DiagnosticRule(
        "title.invalid", "A variant's title is missing, too long, or has forbidden characters.")
    /// Media the network requires is missing.
    public static let mediaRequired = DiagnosticRule(
        "media.required", "The network requires media (or a video) that the variant lacks.")
    /// More media than the network accepts.
    public static let mediaCount = DiagnosticRule(
        "media.count", "More images or videos than the network accepts, or a mix it refuses.")
    /// A media file over the network's size limit.
    public static let mediaSize = DiagnosticRule("media.size", "A media file is larger than the network accepts.")
    /// An alt text longer than the network accepts.
    public static let mediaAltTextTooLong = DiagnosticRule(
        "media.alt-text-too-long", "An image's alt text is longer than the network accepts.")
    /// An image or video aspect ratio the network crops or refuses.
    public static let mediaAspect = DiagnosticRule(
        "media.aspect-ratio", "An image's or video's aspect ratio is outside what the network accepts.")
    /// A video container the network does not accept.
    public static let mediaFormat = DiagnosticRule("media.format", "A video is in a format the network does not accept.")
    /// A video longer or shorter than the network accepts.
    public static let mediaDuration = DiagnosticRule("media.duration", "A video is longer or shorter than the network accepts.")
    /// More hashtags than the network allows.
    public static let hashtagCount = DiagnosticRule("hashtag.count", "More hashtags than the network allows or recommends.")
    /// A hashtag style the network's users would not expect.
    public static let hashtagStyle = DiagnosticRule("hashtag.style", "A hashtag style the network recommends against.")
    /// More @mentions than the network allows.
    public static let mentionCount = DiagnosticRule("mention.count", "More @mentions than the network allows.")
    /// A link placement the network does not support.
    public static let linkPlacement = DiagnosticRule("link.placement", "A link placement the network does not support.")
    /// A link published on its own, as a reply or first comment, that is too long for the network's text limit.
    public static let linkTooLong = DiagnosticRule(
        "link.too-long", "A link sent as a reply or first comment is longer than the network allows a text to be.")
    /// An inline link that costs reach or is not clickable.
    public static let linkPolicy = DiagnosticRule(
        "link.policy", "An inline link that costs feed reach or is not clickable on the network.")
    /// Identical text on several X accounts.
    public static let xDuplicateText = DiagnosticRule(
        "x.duplicate-text", "Identical text on several X accounts breaks X's automation rules.")

    // MARK: Scheduling
    /// A variant for which no slot obeys every scheduling rule inside the campaign's window.
    public static let scheduleUnplaceable = DiagnosticRule(
        "schedule.unplaceable", "No slot inside the campaign window obeys every scheduling rule.")

    // MARK: Policy
    /// Too many promotional posts on an account (the 80/20 rule).
    public static let promotionalShare = DiagnosticRule(
        "policy.promotional-share", "Promotional posts exceed the account's allowed share (the 80/20 rule).")

    /// YouTube tags longer in total than YouTube allows.
    public static let youtubeTags = DiagnosticRule(
        "youtube.tags", "A YouTube video's tags exceed 500 characters as YouTube counts them, or contain < or >.")
    /// A plan with more YouTube uploads on one account and day than the daily quota admits.
    public static let youtubeQuota = DiagnosticRule(
        "youtube.quota", "A plan needs more YouTube uploads on one day than the project's daily quota admits.")
    /// A TikTok post asking for more than `SELF_ONLY` on an account whose app TikTok has not audited.
    public static let tiktokUnaudited = DiagnosticRule(
        "tiktok.unaudited", "A TikTok post is not SELF_ONLY on an account posting through an unaudited app.")

    /// Every rule, for SARIF's rule table and the docs.
    public static let all: [DiagnosticRule] = [
        .yamlSyntax, .fileUnreadable, .fileMissing, .keyUnknown, .keyDuplicate, .keyMissing, .typeMismatch,
        .valueInvalid, .dateInvalid, .timeInvalid, .durationInvalid, .timezoneUnknown, .idInvalid, .idDuplicate,
        .networkUnknown, .accountUnknown, .tagUnknown, .localeUnknown, .postUnknown,
        .managerInvalid, .accountUnmanaged, .windowInvalid, .sequenceInvalid, .targetsEmpty, .overrideUnused,
        .linkInvalid, .hashtagInvalid, .mediaMissing, .mediaType, .stringMissing, .stringFallback,
        .localeFallbackCycle, .localeMismatch, .templateUnknown, .templateMissingValue, .templateSyntax, .stringUnused,
        .textTooLong, .textTooManyBytes, .textEmpty, .textForbiddenCharacter, .titleInvalid, .mediaRequired,
        .mediaCount, .mediaSize, .mediaAspect, .hashtagCount, .hashtagStyle, .mentionCount, .linkPlacement,
        .linkTooLong, .linkPolicy, .xDuplicateText, .promotionalShare, .scheduleUnplaceable,
        .mediaPath, .mediaOutsideWorkspace, .mediaNotAFile, .mediaContent, .mediaTruncated, .mediaDimensions,
        .mediaDuration, .mediaFormat, .mediaAltTextTooLong, .apiVersionInvalid, .apiVersionSunset,
        .apiVersionSunsetsDuringCampaign,
        .youtubeTags, .youtubeQuota, .tiktokUnaudited,
    ]

    /// Looks a rule up by id.
    public static func named(_ id: String) -> DiagnosticRule? { all.first { $0.id == id } }
}
