import DocumentModel
import Hummingbird

/// The browser interface: pages under `/app` (signed in, except sign-in and invitation links), the public page
/// of a published strategy under `/public`, and the two assets. It calls DocumentModel exactly as the JSON
/// controllers do, so every rule of roles and phases applies here too.
struct WebInterface {
    let database: AppDatabase
    let configuration: APIConfiguration
    let renderer: WebRenderer
    let events: EventsController

    func add(to router: Router<AppRequestContext>) {
        let cookies = WebCookies(secure: configuration.publicURL.lowercased().hasPrefix("https://"))
        let forms = FormReader(formGuard: FormGuard(publicOrigin: configuration.publicOrigin), textLimit: configuration.formLimit)
        let pages = router.group()
            .add(middleware: SecurityHeadersMiddleware())
            .add(middleware: ConditionalGetMiddleware())
            .add(middleware: WebSessionMiddleware(database: database, catalog: renderer.catalog, cookies: cookies))
            .add(middleware: WebErrorMiddleware(renderer: renderer))
        pages.addRoutes(AssetsController(assets: renderer.assets).routes)
        pages.addRoutes(LanguageController(database: database, catalog: renderer.catalog, forms: forms, cookies: cookies).routes)
        pages.addRoutes(
            SignInController(
                database: database, renderer: renderer, forms: forms, cookies: cookies, throttle: SignInThrottle(),
                clientAddress: ClientAddress(trustedProxies: configuration.trustedProxies)
            ).routes
        )
        let pandoc = Pandoc()
        pages.addRoutes(PublicPageController(database: database, renderer: renderer, pandoc: pandoc).routes)
        let signedIn = pages.group(context: SignedInContext.self)
        signedIn.addRoutes(HomeController(database: database, renderer: renderer).routes)
        signedIn.addRoutes(NewStrategyController(database: database, renderer: renderer, forms: forms).routes)
        signedIn.addRoutes(
            ImportController(
                database: database, renderer: renderer,
                uploads: UploadReader(formGuard: forms.formGuard, fileLimit: configuration.importLimit), importLimit: configuration.importLimit
            ).routes
        )
        signedIn.addRoutes(
            XLIFFController(
                database: database, renderer: renderer,
                uploads: UploadReader(formGuard: forms.formGuard, fileLimit: configuration.importLimit), importLimit: configuration.importLimit
            ).routes
        )
        signedIn.addRoutes(
            PeopleController(database: database, renderer: renderer, forms: forms, publicURL: configuration.publicURL).routes
        )
        signedIn.addRoutes(
            StrategyPageController(database: database, renderer: renderer, forms: forms, offersOfficeFormats: pandoc.isAvailable).routes)
        let sectionPage = SectionPageController(database: database, renderer: renderer)
        signedIn.addRoutes(sectionPage.routes)
        let commentForms = CommentFormsController(database: database, sectionPage: sectionPage, renderer: renderer, forms: forms)
        signedIn.addRoutes(commentForms.routes)
        signedIn.addRoutes(SectionSignoffController(database: database, sectionPage: sectionPage, forms: forms).routes)
        signedIn.addRoutes(SectionEditController(database: database, renderer: renderer, forms: forms).routes)
        signedIn.addRoutes(TranslateController(database: database, renderer: renderer, forms: forms).routes)
        signedIn.addRoutes(LanguagesController(database: database, renderer: renderer, forms: forms).routes)
        let amendmentPage = AmendmentPageController(database: database, renderer: renderer)
        signedIn.addRoutes(amendmentPage.routes)
        signedIn.addRoutes(AmendmentActionsController(database: database, amendmentPage: amendmentPage, forms: forms).routes)
        signedIn.addRoutes(AmendmentFormController(database: database, renderer: renderer, forms: forms).routes)
        let draftsPage = DraftPagesController(database: database, renderer: renderer)
        let draftPage = DraftPageController(database: database, renderer: renderer, offersOfficeFormats: pandoc.isAvailable)
        signedIn.addRoutes(draftsPage.routes)
        signedIn.addRoutes(draftPage.routes)
        signedIn.addRoutes(
            DraftActionsController(database: database, draftPage: draftPage, draftsPage: draftsPage, forms: forms).routes
        )
        let desk = DeskController(database: database, renderer: renderer)
        signedIn.addRoutes(desk.routes)
        signedIn.addRoutes(DeskActionsController(database: database, desk: desk, comments: commentForms, forms: forms).routes)
        signedIn.addRoutes(ParticipationController(database: database, renderer: renderer).routes)
        signedIn.addRoutes(PhaseController(database: database, renderer: renderer, forms: forms).routes)
        signedIn.addRoutes(MembersController(database: database, renderer: renderer, forms: forms).routes)
        signedIn.addRoutes(OutlineController(database: database, renderer: renderer, forms: forms).routes)
        signedIn.addRoutes(ExportController(database: database, pandoc: pandoc).routes)
        signedIn.addRoutes(ActivityPageController(database: database, renderer: renderer).routes)
        signedIn.addRoutes(WebEventsController(events: events).routes)
        signedIn.addRoutes(SettingsController(database: database, renderer: renderer, forms: forms).routes)
        signedIn.addRoutes(TokensController(database: database, renderer: renderer, forms: forms).routes)
        // Any other path under /app is a page that does not exist: say so as a page, not as JSON.
        signedIn.get("/app/**") { _, _ -> Response in throw DocumentModelError.notFound("page") }
    }
}
