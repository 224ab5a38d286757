import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// `GET /strategies/{strategy}/events`: the strategy's activity log as server-sent events, as it is written.
///
/// Each entry is one `activity` event whose id is the entry's sequence number, so a client that reconnects with
/// `Last-Event-ID` gets what it missed from the log and then the live entries, none twice. Whoever may read the
/// activity log may follow it; an account holds at most `EventStreams.perAccount` streams at once.
struct EventsController {
    let database: AppDatabase
    let streams: EventStreams

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies/{strategy}/events", method: .get, use: events)
        return routes
    }

    static let lastEventID = HTTPField.Name("Last-Event-ID")!

    @Sendable func events(request: Request, context: AuthenticatedContext) async throws -> Response {
        try await stream(strategyID: try context.parameters.id("strategy"), for: context.account, request: request, channel: context.channel)
    }

    /// The stream of one strategy for one account, after the same check as the activity log's. The browser
    /// interface serves it too (`/app/strategies/{id}/events`, signed in with the session cookie, which is all
    /// `EventSource` can send), with the same limit per account.
    func stream(strategyID: Int64, for account: Account, request: Request, channel: any Channel) async throws -> Response {
        _ = try await database.strategy(id: strategyID, for: account)
        let resumeAfter = try Self.resumePoint(request)
        guard let ticket = streams.open(for: account.id) else {
            throw Problem(
                status: .tooManyRequests, slug: "too-many-streams", title: "Too many event streams",
                detail: "an account may follow at most \(EventStreams.perAccount) event streams at once; close one first"
            )
        }
        // Follow before reading what was missed, so nothing committed in between falls through the gap.
        let live = database.activityFeed.follow(strategyID: strategyID)
        // A closed connection ends the stream at once (and frees its place among the account's streams), not at
        // the next write that fails. A browser closing an EventSource only half-closes the connection, which the
        // server allows (`allowRemoteHalfClosure`) and the HTTP handler keeps to itself until the response ends —
        // that is, never: a handler at the front of the pipeline hears it first.
        let end: @Sendable () -> Void = {
            live.end()
            ticket.close()
        }
        channel.closeFuture.whenComplete { _ in end() }
        channel.pipeline.addHandler(InputClosedHandler(onClose: end), position: .first).whenFailure { _ in end() }
        let database = database
        let body = ResponseBody { writer in
            defer { ticket.close() }
            // The headers and a first line at once: the client knows it is connected before anything happens.
            try await writer.write(ByteBuffer(string: "retry: 3000\n: following strategy \(strategyID)\n\n"))
            var lastSent = resumeAfter ?? 0
            if let resumeAfter {
                var after: Int64? = resumeAfter
                while let from = after {
                    let page = try await database.activity(strategyID: strategyID, after: from, limit: 200)
                    for entry in page.items { try await writer.write(Self.event(entry)) }
                    lastSent = page.items.last?.id ?? lastSent
                    after = page.nextAfter
                }
            }
            for await event in live.events {
                switch event {
                case .entry(let entry) where entry.id > lastSent:
                    try await writer.write(Self.event(entry))
                    lastSent = entry.id
                case .entry:
                    continue
                case .heartbeat:
                    try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                }
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store", HTTPField.Name("X-Accel-Buffering")!: "no"],
            body: body
        )
    }

    /// `Last-Event-ID` (as browsers send it on reconnecting) or `?lastEventId=`: an entry id, 0 for the whole log.
    /// Each is checked when present; the header wins, as it is what a reconnecting browser knows best.
    static func resumePoint(_ request: Request) throws -> Int64? {
        func parse(_ text: String?) throws -> Int64? {
            guard let text else { return nil }
            guard let id = Int64(text.trimmingCharacters(in: .whitespaces)), id >= 0 else {
                throw Problem.badRequest("Last-Event-ID must be the id of an event this stream sent")
            }
            return id
        }
        let header = try parse(request.headers[lastEventID])
        let query = try parse(request.uri.queryParameters["lastEventId"].map(String.init))
        return header ?? query
    }

    /// One `activity` event: the entry as the activity log lists it, on one `data` line.
    static func event(_ entry: ActivityEntry) -> ByteBuffer {
        var buffer = ByteBuffer(string: "id: \(entry.id)\nevent: activity\ndata: ")
        // JSON escapes line breaks inside strings, so the entry is one data line.
        buffer.writeBytes(ActivityResponse(entry).jsonBytes())
        buffer.writeString("\n\n")
        return buffer
    }
}

/// How many event streams each account holds open, so that one account cannot hold the server's connections.
final class EventStreams: Sendable {
    static let perAccount = 8
    private let open = Mutex<[Int64: Int]>([:])

    /// One open stream's place; closing it twice (the body ends, and the connection closes) frees it once.
    final class Ticket: Sendable {
        let streams: EventStreams
        let account: Int64
        private let closed = Mutex(false)

        init(streams: EventStreams, account: Int64) {
            self.streams = streams
            self.account = account
        }

        func close() {
            let first = closed.withLock { closed in
                defer { closed = true }
                return !closed
            }
            if first { streams.close(for: account) }
        }
    }

    func open(for account: Int64) -> Ticket? {
        open.withLock { open in
            guard open[account, default: 0] < Self.perAccount else { return nil }
            open[account, default: 0] += 1
            return Ticket(streams: self, account: account)
        }
    }

    fileprivate func close(for account: Int64) {
        open.withLock { open in
            open[account, default: 1] -= 1
            if open[account] == 0 { open[account] = nil }
        }
    }
}

/// Calls `onClose` when the peer closes its side of the connection (or the connection fails), before the HTTP
/// handlers see it; everything else passes through untouched.
final class InputClosedHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny
    let onClose: @Sendable () -> Void

    init(onClose: @escaping @Sendable () -> Void) {
        self.onClose = onClose
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { onClose() }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        onClose()
        context.fireErrorCaught(error)
    }
}
