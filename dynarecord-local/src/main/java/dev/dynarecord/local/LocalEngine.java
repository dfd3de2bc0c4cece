package dev.dynarecord.local;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.spi.EmbeddedEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local running in this JVM: in memory, or keeping its data in one database file.
 * Telemetry is always off. Its threads are not daemons, so it must be closed; the shared engine is
 * closed by a shutdown hook. Thread-safe: its client makes table changes (create, update, delete)
 * one at a time, as DynamoDB Local itself fails when they overlap.
 */
public final class LocalEngine implements EmbeddedEngine {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

    /** The client methods that change tables, each with its consumer-of-builder overload. */
    private static final Set<String> TABLE_CHANGES = Set.of("createTable", "updateTable", "deleteTable");

    private final AmazonDynamoDBLocal engine;
    private final DynamoDbClient client;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String description;

    private LocalEngine(AmazonDynamoDBLocal engine, String description) {
        this.engine = engine;
        this.client = oneTableChangeAtATime(engine.dynamoDbClient());
        this.description = description;
    }

    /**
     * Starts an engine.
     *
     * @param dataFile a database file to keep data in, or empty for memory only
     * @return the running engine
     * @throws ConfigurationException when the engine cannot start
     */
    public static LocalEngine start(Optional<Path> dataFile) {
        long started = System.nanoTime();
        try {
            String description;
            Path file = null;
            if (dataFile.isPresent()) {
                file = dataFile.get().toAbsolutePath();
                if (Files.isDirectory(file)) {
                    throw new ConfigurationException("localDataFile " + file + " is a directory; give a file path such as "
                            + file.resolve("dynarecord.db"));
                }
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                description = "file " + file;
            } else {
                description = "memory";
            }
            ThreadGroup group = new ThreadGroup("dynarecord-local");
            AmazonDynamoDBLocal engine = startIn(group, file);
            LOG.info("Started embedded DynamoDB Local ({}) in {} ms", description, (System.nanoTime() - started) / 1_000_000);
            LocalEngine local = new LocalEngine(engine, description);
            EngineReaper.watch(local, group);
            return local;
        } catch (ConfigurationException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new ConfigurationException("the embedded DynamoDB Local engine did not start: " + e
                    + "; check that java.io.tmpdir is writable (its native library is extracted there)", e);
        }
    }

    /**
     * Creates the engine from a thread of {@code group}, so that every thread the engine starts
     * (its pools and its SQLite queue inherit the creating thread's group) can be told apart
     * from the application's.
     */
    private static AmazonDynamoDBLocal startIn(ThreadGroup group, Path file) throws Exception {
        AtomicReference<AmazonDynamoDBLocal> created = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread starter = new Thread(group, () -> {
            try {
                created.set(file == null ? DynamoDBEmbedded.create(true) : DynamoDBEmbedded.create(file.toFile(), true));
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "dynarecord-local-start");
        starter.start();
        starter.join();
        if (failed.get() instanceof Exception e) {
            throw e;
        } else if (failed.get() instanceof Error e) {
            throw e;
        }
        return created.get();
    }

    /**
     * DynamoDB Local's CreateTable and UpdateTable read the description of every table while they
     * check throughput, and fail with a NullPointerException inside the engine when another thread
     * creates or deletes a table meanwhile (test classes running in parallel on the shared engine
     * do). The client returned makes those calls one at a time; every other call goes straight
     * through.
     */
    private static DynamoDbClient oneTableChangeAtATime(DynamoDbClient client) {
        Object lock = new Object();
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    try {
                        if (TABLE_CHANGES.contains(method.getName())) {
                            synchronized (lock) {
                                return method.invoke(client, args);
                            }
                        }
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** @return whether the engine was closed */
    boolean isClosed() {
        return closed.get();
    }

    @Override
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            engine.shutdownNow();
            LOG.debug("Stopped embedded DynamoDB Local ({})", description);
        }
    }

    @Override
    public String toString() {
        return "LocalEngine{" + description + (closed.get() ? ", closed" : "") + "}";
    }
}
