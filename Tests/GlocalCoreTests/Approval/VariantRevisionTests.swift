import GlocalCore
import Testing

/// A revision names a content hash whole, or by a prefix of at least eight characters.
struct VariantRevisionTests {
    let hash = "9f86d081884c7d65"

    @Test func aRevisionNamesItsHashOrALongEnoughPrefixOfIt() {
        #expect(VariantRevision(of: hash).names(hash))
        #expect(VariantRevision("9f86d081")!.names(hash))
        #expect(!VariantRevision("9f86d08")!.names(hash))
        #expect(!VariantRevision("9f86d081884c7d66")!.names(hash))
        #expect(!VariantRevision("9f86d081884c7d65ff")!.names(hash))
    }

    @Test func anEmptyOrOverlongRevisionIsNone() {
        #expect(VariantRevision("") == nil && VariantRevision("  ") == nil)
        #expect(VariantRevision(" 9f86d081 ")?.value == "9f86d081")
        #expect(VariantRevision(String(repeating: "a", count: 129)) == nil)
        #expect(VariantRevision(String(repeating: "a", count: 128)) != nil)
    }
}
