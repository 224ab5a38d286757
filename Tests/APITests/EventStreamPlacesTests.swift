import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import API

#if canImport(Glibc)
import Glibc
#endif

/// Defect #24.4: a stream whose client went away kept its place among the account's eight until the next
/// heartbeat (25 s later), so a ninth page opened meanwhile got 429. Clients here are raw sockets on the real
/// server, closed as a browser closes an EventSource.
@Suite struct EventStreamPlacesTests {
    /// Opens a stream and reads until its first line has arrived; returns the socket and the status line.
    static func openStream(port: Int, path: String, token: String) throws -> (Int32, String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains("\r\n\r\n") {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        return (fd, text.components(separatedBy: "\r\n").first ?? "")
    }

    @Test func aClosedStreamFreesItsPlaceAtOnce() async throws {
        let harness = try await Harness.make()
        let token = try #require(harness.tokens["member"])
        let path = "/strategies/\(harness.strategyID)/events"
        try await harness.application().test(.live) { client in
            let port = try #require(client.port)
            var open: [Int32] = []
            for _ in 0..<EventStreams.perAccount {
                let (fd, status) = try Self.openStream(port: port, path: path, token: token)
                #expect(status == "HTTP/1.1 200 OK")
                open.append(fd)
            }
            let (refused, status) = try Self.openStream(port: port, path: path, token: token)
            #expect(status.hasPrefix("HTTP/1.1 429"), "the ninth stream is one too many")
            close(refused)
            // Three pages are closed, each with a FIN as a browser closing an EventSource sends (a close() with
            // unread bytes would send a reset, which the server notices anyway); three new pages get their places
            // well before any heartbeat.
            for fd in open.prefix(3) { shutdown(fd, Int32(SHUT_WR)) }
            try await Task.sleep(for: .milliseconds(300))
            for _ in 0..<3 {
                let (fd, status) = try Self.openStream(port: port, path: path, token: token)
                #expect(status == "HTTP/1.1 200 OK")
                open.append(fd)
            }
            for fd in open { close(fd) }
        }
    }
}
