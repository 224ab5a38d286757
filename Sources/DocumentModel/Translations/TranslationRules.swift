/// What a unit's translation may be: one block of the same kind as its source, so the translated text keeps the
/// source's structure block for block.
enum TranslationRules {
    static let maxUnitLength = 50_000

    static func check(_ text: String, kind: String, field: String, into errors: inout FieldErrors) {
        switch kind {
        case "heading":
            errors.text(text, field: field, maxLength: TextRules.maxHeadingLength, singleLine: true)
        case "bullet", "numbered":
            errors.text(text, field: field, maxLength: maxUnitLength, singleLine: true)
        default:
            errors.text(text, field: field, maxLength: maxUnitLength)
            if MarkdownSubset.sourceBlocks(text).count > 1 {
                errors.add(field, "must be one paragraph, as its source is (no blank line inside)")
            }
        }
        LinkRules.check(text, field: field, into: &errors)
    }
}
