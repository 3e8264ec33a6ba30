import Foundation
import GlocalCore

/// Reads media files from a workspace directory: size, and pixel size from PNG and JPEG headers.
public struct FileMediaInspector: MediaInspector {
    private let root: URL

    /// Inspects files below `root`.
    public init(root: URL) { self.root = root }

    /// Facts about `path`, or `nil` when it is missing or outside the workspace.
    public func inspect(_ path: String) -> MediaFileInfo? {
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { return nil }
        let url = root.appendingPathComponent(path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            (attributes[.type] as? FileAttributeType) == .typeRegular,
            let size = (attributes[.size] as? NSNumber)?.intValue
        else { return nil }
        var info = MediaFileInfo(bytes: size)
        if let handle = try? FileHandle(forReadingFrom: url) {
            defer { try? handle.close() }
            let header = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
            if let (width, height) = ImageHeaderReader.pixelSize(of: [UInt8](header)) {
                info.pixelWidth = width
                info.pixelHeight = height
            }
        }
        return info
    }
}

/// Finds the pixel size in the first bytes of a PNG or JPEG file.
enum ImageHeaderReader {
    static func pixelSize(of bytes: [UInt8]) -> (Int, Int)? {
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return (bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4))
        }
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            let length = bigEndian(bytes, index + 2, 2)
            // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (bigEndian(bytes, index + 7, 2), bigEndian(bytes, index + 5, 2))
            }
            index += 2 + length
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
    }
}

extension FileMediaInspector {
    /// The other files in `path`'s folder, as workspace-relative paths.
    public func siblings(of path: String) -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.sorted().map { folder.isEmpty ? $0 : folder + "/" + $0 }
    }
}
