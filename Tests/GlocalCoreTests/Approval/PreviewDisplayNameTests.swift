import Testing

@testable import GlocalCore

/// The name above a preview: the brand and city, or the handle when glocal.yaml has no brand.
@Suite struct PreviewDisplayNameTests {
    @Test func theBrandAndTheCityNameTheAccount() {
        #expect(PreviewDisplayName.name(brand: "Lumière", city: "Paris", handle: "lumiere.france") == "Lumière Paris")
        #expect(PreviewDisplayName.name(brand: "Lumière", city: nil, handle: "lumiere.france") == "Lumière")
    }

    @Test func withoutABrandTheHandleIsShownNotTheWorkspaceID() {
        #expect(PreviewDisplayName.name(brand: nil, city: "Paris", handle: "@LumiereFR") == "LumiereFR")
        #expect(PreviewDisplayName.name(brand: nil, city: nil, handle: "lumiere.france") == "lumiere.france")
    }
}
