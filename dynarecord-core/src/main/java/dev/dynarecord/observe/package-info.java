/**
 * Metrics and traces of a session's requests and model operations: {@link
 * dev.dynarecord.observe.MicrometerMetrics} for Micrometer and {@link
 * dev.dynarecord.observe.OpenTelemetryTracing} for OpenTelemetry, both {@link
 * dev.dynarecord.spi.RequestObserver}s registered with {@code Config.Builder.observer(...)}.
 * Each needs its library on the class path (they are optional dependencies of Dynarecord); a
 * session without observers does none of this work.
 */
package dev.dynarecord.observe;
