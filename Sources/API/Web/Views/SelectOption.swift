/// One `<option>` of a select: the value a form sends, the words a reader sees, and whether it is chosen.
/// Templates read it as `{{value}}`, `{{label}}`, `{{#selected}}`.
struct SelectOption {
    let value: String
    let label: String
    let selected: Bool
}
