/// `/app/strategies/{id}/participation`: for each stakeholder group, what it proposed and how that went, what it
/// said and how that was disposed of, and whom it supported — as a table and a bar chart, so that a facilitator
/// sees whether a group's voice is missing or overruled.
struct ParticipationView {
    struct Row {
        let group: String
        let proposed: Int
        let accepted: Int
        let rejected: Int
        let comments: Int
        let commentsAccepted: Int
        let commentsPartly: Int
        let commentsRejected: Int
        let commentsNoted: Int
        let commentsAwaiting: Int
        let supports: Int
    }

    let strategyTitle: String
    let strategyHref: String
    let deskHref: String
    let rows: [Row]
    /// The chart (our own SVG, its text escaped).
    let chartSVG: String
}
