import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` over all cores; results keep the input order. `transform` must not share mutable state.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = OrderedSlots<T>(count: count)
        self.withUnsafeBufferPointer { buffer in
            let elements = UnsafeSendableBuffer(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.set(index, transform(elements.buffer[index]))
            }
        }
        return slots.values
    }
}

private struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}

/// Fixed result slots that concurrent workers fill, each its own index.
private final class OrderedSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value] { storage.map { $0! } }
}
