import Metrics
import Prometheus
import Synchronization

/// The process's metrics: whatever the service records through swift-metrics (Hummingbird's request metrics,
/// the database's write batches) lands in one Prometheus registry, which `GET /metrics` writes out.
public enum ServiceMetrics {
    static let registry = PrometheusCollectorRegistry()
    private static let bootstrapped = Mutex(false)

    /// swift-metrics may be set up once per process; `serve` asks before it opens the database (metrics bind to
    /// the backend when they are created), and tests that serve twice ask again.
    public static func bootstrapOnce() {
        bootstrapped.withLock { done in
            guard !done else { return }
            done = true
            var factory = PrometheusMetricsFactory(registry: registry)
            factory.valueHistogramBuckets["strategy_db_write_batch_size"] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
            factory.durationHistogramBuckets["strategy_db_commit_seconds"] = [
                .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
                .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
            ]
            factory.nameAndLabelSanitizer = { name, labels in (prometheusNames[name] ?? name, labels) }
            MetricsSystem.bootstrap(factory)
        }
    }

    /// Hummingbird names its request metrics for OpenTelemetry; Prometheus wants units and `_total` in names.
    private static let prometheusNames = [
        "hb.requests": "http_requests_total",
        "hb.request.errors": "http_request_errors_total",
        "http.server.request.duration": "http_server_request_duration_seconds",
        "http.server.active_requests": "http_server_active_requests",
    ]

    /// The text exposition format, version 0.0.4.
    static func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
