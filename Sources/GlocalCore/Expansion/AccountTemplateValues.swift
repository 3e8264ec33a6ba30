/// The template variables of one account, computed once and shared by all its variants.
struct AccountTemplateValues: Sendable {
    /// Variables whose value differs between accounts of one locale.
    static let accountSpecific: Set<String> = ["handle", "city", "country", "account"]

    /// `nil` when glocal.yaml has no `brand`: `{brand}` then has no value.
    let brand: String?
    let handle: String
    let city: String?
    let country: String?
    let locale: String
    let language: String
    let region: String?
    let account: String
    let network: String

    init(account: Account, network: Network, brand: String?) {
        let parts = LocaleID.parts(of: account.locale.value)
        self.brand = brand
        handle = account.handle
        city = account.city
        country = account.country
        locale = account.locale.value
        language = parts.language
        region = parts.region
        self.account = account.id.value
        self.network = network.displayName
    }

    /// The value of `name` in `campaign`'s `post`, with `link` when given.
    func value(_ name: String, campaign: String, post: String, link: String?) -> String? {
        switch name {
        case "brand": return brand
        case "handle": return handle
        case "city": return city
        case "country": return country
        case "locale": return locale
        case "language": return language
        case "region": return region ?? ""
        case "account": return account
        case "network": return network
        case "campaign": return campaign
        case "post": return post
        case "link": return link
        default: return nil
        }
    }
}
