import Foundation
import HTTPTypes

/// Whose request this is, by IP address: the peer itself, or — when the peer is one of the reverse proxies
/// named by `serve --trusted-proxy` — the client the proxies' `X-Forwarded-For` names. Only a trusted proxy's
/// header is believed; anyone else could write any address into it.
public struct ClientAddress: Sendable {
    let trustedProxies: Set<String>

    init(trustedProxies: [String]) {
        self.trustedProxies = Set(trustedProxies.map(Self.canonical))
    }

    /// The right-most address of `X-Forwarded-For` that is not a trusted proxy (each proxy appends the peer it
    /// saw, so what lies left of the first untrusted one may be forged), or the peer when it is not trusted.
    func of(peer: String?, headers: HTTPFields) -> String {
        guard let peer else { return "unknown" }
        guard trustedProxies.contains(Self.canonical(peer)) else { return peer }
        let forwarded = headers[values: Self.forwardedFor].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in forwarded.reversed() where !trustedProxies.contains(Self.canonical(hop)) {
            return Self.isIPAddress(hop) ? hop : peer
        }
        return peer
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// IPv4 dotted quads and IPv6 addresses, as `inet_pton` reads them.
    public static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// IPv4-mapped IPv6 peers (`::ffff:10.0.0.2`) are the IPv4 address they carry.
    static func canonical(_ address: String) -> String {
        address.lowercased().hasPrefix("::ffff:") && address.contains(".") ? String(address.dropFirst(7)) : address.lowercased()
    }
}
