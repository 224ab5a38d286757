import Hummingbird

extension Parameters {
    /// A positive integer path parameter; anything else names no resource, hence 404.
    func id(_ name: String) throws -> Int64 {
        guard let text = self.get(name), let value = Int64(text), value > 0 else { throw Problem.notFound() }
        return value
    }

    func number(_ name: String) throws -> Int {
        guard let text = self.get(name), let value = Int(text), value > 0 else { throw Problem.notFound() }
        return value
    }
}
