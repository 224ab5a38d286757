import Foundation

/// RFC 3339 UTC timestamps with milliseconds, the one textual form of time the service writes.
public enum Timestamp {
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)

    public static func rfc3339(_ date: Date) -> String {
        date.formatted(style)
    }

    public static func parse(_ text: String) -> Date? {
        try? style.parse(text)
    }
}
