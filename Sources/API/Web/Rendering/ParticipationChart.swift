/// A small horizontal bar chart of participation, drawn on the server as SVG: per group, one bar each for
/// amendments proposed, amendments accepted, comments made and supports given. Every bar carries its number as
/// text and the bars differ in pattern as well as colour; the table beside it holds the same figures.
struct ParticipationChart {
    struct Series {
        let label: String
        let fill: String
        /// A pattern id, or nil for a plain bar.
        let pattern: String?
        let value: (ParticipationView.Row) -> Int
    }

    let title: String
    let series: [Series]

    init(_ t: Messages) {
        title = t["participationChartTitle"]
        series = [
            Series(label: t["participationProposed"], fill: "#0b5cad", pattern: nil) { $0.proposed },
            Series(label: t["participationChartAccepted"], fill: "#0c4a1c", pattern: "hatch") { $0.accepted },
            Series(label: t["participationComments"], fill: "#8a4b00", pattern: nil) { $0.comments },
            Series(label: t["participationSupports"], fill: "#4f5b6b", pattern: "dots") { $0.supports },
        ]
    }

    func svg(_ rows: [ParticipationView.Row]) -> String {
        let barHeight = 14, gap = 4, labelWidth = 150, barsWidth = 300, legendHeight = 24
        let groupHeight = series.count * (barHeight + gap) + 12
        let height = legendHeight + rows.count * groupHeight + 8
        let legendWidth = series.reduce(0) { $0 + 16 + $1.label.count * 7 + 16 }
        let width = max(labelWidth + barsWidth + 50, legendWidth)
        let largest = max(1, rows.flatMap { row in series.map { $0.value(row) } }.max() ?? 1)
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" aria-labelledby="chart-title" class="chart">
            <title id="chart-title">\(HTMLText.escape(title))</title>
            <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#0c4a1c"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern><pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#4f5b6b"/><circle cx="2.5" cy="2.5" r="1.2" fill="#ffffff"/></pattern></defs>

            """
        var x = 0
        for item in series {
            out += "<rect x=\"\(x)\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(item.pattern.map { "url(#\($0))" } ?? item.fill)\"/>"
            out += "<text x=\"\(x + 16)\" y=\"14\" font-size=\"11\">\(HTMLText.escape(item.label))</text>"
            // About 7 px a character at 11 px, and a gap before the next key.
            x += 16 + item.label.count * 7 + 16
        }
        for (index, row) in rows.enumerated() {
            let top = legendHeight + index * groupHeight
            out += "<text x=\"0\" y=\"\(top + 14)\" font-size=\"12\" font-weight=\"600\">\(HTMLText.escape(row.group))</text>"
            for (position, item) in series.enumerated() {
                let value = item.value(row)
                let y = top + position * (barHeight + gap)
                let length = value == 0 ? 1 : max(2, value * barsWidth / largest)
                out += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" "
                out += "fill=\"\(item.pattern.map { "url(#\($0))" } ?? item.fill)\"><title>\(HTMLText.escape(item.label)): \(value)</title></rect>"
                out += "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + barHeight - 3)\" font-size=\"11\">\(value)</text>"
            }
        }
        return out + "</svg>"
    }
}
