package dev.dynarecord.local;

import dev.dynarecord.spi.EmbeddedEngine;
import dev.dynarecord.spi.EmbeddedEngineProvider;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Provides DynamoDB Local to {@code Adapter.LOCAL}, found by {@link java.util.ServiceLoader}. The
 * shared in-memory engine starts on first use (about a second) and stops when the JVM exits.
 */
public final class LocalEngineProvider implements EmbeddedEngineProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public LocalEngineProvider() {
    }

    @Override
    public EmbeddedEngine shared() {
        return SharedEngine.INSTANCE;
    }

    @Override
    public EmbeddedEngine start(Optional<Path> dataFile) {
        return LocalEngine.start(dataFile);
    }

    /** Holder idiom: the engine starts when first asked for, once per JVM. */
    private static final class SharedEngine {
        static final LocalEngine INSTANCE = startShared();

        private static LocalEngine startShared() {
            LocalEngine engine = LocalEngine.start(Optional.empty());
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "dynarecord-local-shutdown"));
            return engine;
        }
    }
}
