/// What every page's layout shows around the page's own view model, which templates read inside `{{#page}}`.
struct PageView {
    /// The messages of the reader's language: `{{t.key}}`.
    let t: [String: String]
    let lang: String
    /// The `<title>` (the page's `h1` is the template's own).
    let title: String
    let csrf: String
    let stylesheet: String
    let script: String
    /// The signed-in person, if any, for the header.
    let user: User?
    /// A notice shown once above the page (after a redirect), if any.
    let notice: String?
    /// The language menu: every language of the catalog by its own name.
    let languages: [LanguageChoice]
    let page: Any

    struct LanguageChoice {
        let tag: String
        /// The language's name in itself (Shqip, Srpski, Српски, English).
        let name: String
        let selected: Bool
    }

    struct User {
        let name: String
        let admin: Bool
    }
}
