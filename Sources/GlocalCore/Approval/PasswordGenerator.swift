/// New passwords for people: for `glocal user add` without one and the demo's users.
public enum PasswordGenerator {
    /// A strong random password of 20 letters and digits (no look-alikes such as l, 1, O and 0).
    public static func generate() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }
}
