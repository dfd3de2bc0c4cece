package dev.dynarecord.spi;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts embedded engines. Found with {@link java.util.ServiceLoader} when
 * {@code dev.dynarecord:dynarecord-local} is on the classpath; {@code Adapter.LOCAL} uses it.
 */
public interface EmbeddedEngineProvider {

    /**
     * The engine shared by every in-memory LOCAL session of this JVM, started on first call and
     * stopped when the JVM exits.
     *
     * @return the shared in-memory engine
     */
    EmbeddedEngine shared();

    /**
     * Starts a new engine of its own, in memory or keeping its data in a file.
     *
     * @param dataFile a database file to keep data in, or empty for memory only
     * @return a started engine; the caller closes it
     */
    EmbeddedEngine start(Optional<Path> dataFile);
}
