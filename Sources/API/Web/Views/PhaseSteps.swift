import DocumentModel

/// The phases as a step indicator: done, current (`aria-current="step"`), to come.
struct PhaseStep {
    let name: String
    let done: Bool
    let current: Bool

    static func steps(for phase: Phase, _ t: Messages) -> [PhaseStep] {
        let all = Phase.allCases
        let index = all.firstIndex(of: phase) ?? 0
        return all.enumerated().map { offset, step in
            PhaseStep(name: t["phase_" + step.rawValue], done: offset < index, current: offset == index)
        }
    }
}
