import Foundation

/// Dates as a reader sees them: in their time zone setting (UTC until they choose one), in their language.
struct DateText: Sendable {
    let style: Date.FormatStyle

    init(language: String, timeZone: TimeZone) {
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened)
        style.timeZone = timeZone
        style.locale = Locale(identifier: language)
        self.style = style
    }

    func callAsFunction(_ date: Date) -> String {
        date.formatted(style)
    }

    /// The machine-readable form for `<time datetime>`.
    static func iso(_ date: Date) -> String {
        date.ISO8601Format()
    }
}
