import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import DocumentModel

/// Heavy work beyond what the server admits is refused at once: 503 with `Retry-After`, as a problem.
@Suite struct BusyTests {
    @Test(.timeLimit(.minutes(1))) func anExportBeyondTheBoundIs503WithRetryAfter() async throws {
        let harness = try await Harness.make()
        let heavyWork = HeavyWork(maxRunning: 1, maxWaiting: 0)
        let database = try AppDatabase.open(path: harness.path, heavyWork: heavyWork)
        let application = try buildApplication(database: database, configuration: harness.configuration)
        let gate = Gate()
        let held = Task { try await heavyWork.run { gate.hold() } }
        while gate.started == 0 { try await Task.sleep(for: .milliseconds(1)) }
        try await application.test(.router) { client in
            let export = "/strategies/\(harness.strategyID)/export"
            let busy = try await client.send(.get, export, as: harness.tokens["member"])
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.headers[.retryAfter] == "1")
            #expect(try busy.decode(Wire.Problem.self).type.hasSuffix("/busy"))
            // A non-member still learns nothing: authorization comes before admission.
            #expect(try await client.send(.get, export, as: harness.tokens["outsider"]).status == .notFound)
            gate.open()
            _ = try await held.value
            #expect(try await client.send(.get, export, as: harness.tokens["member"]).status == .ok)
        }
    }
}
