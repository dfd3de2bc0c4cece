package dev.dynarecord;

import dev.dynarecord.config.Config;
import dev.dynarecord.exception.ConfigurationException;
import java.util.function.Consumer;

/**
 * The global default session, like {@code Dynamoid.configure}. Models use it unless they are bound
 * to a session of their own.
 *
 * <pre>{@code
 * Dynarecord.configure(c -> c
 *     .adapter(Adapter.LOCAL)
 *     .namespace("myapp_development"));
 * }</pre>
 *
 * <p>Without a call to {@code configure}, the first use builds the default session from
 * {@code dynarecord.properties} on the classpath and the {@code DYNARECORD_*} environment
 * variables. Thread-safe.
 */
public final class Dynarecord {

    private static volatile Session current;

    private Dynarecord() {
    }

    /**
     * Configures the default session: the defaults, then {@code dynarecord.properties} and the
     * environment, then these settings (which win). Closes the previous default session.
     *
     * @param settings the settings
     * @return the new default session
     */
    public static Session configure(Consumer<Config.Builder> settings) {
        return configure(Config.builder().fromClasspath().fromEnvironment().with(settings).build());
    }

    /**
     * Makes a session on this configuration the default. Closes the previous default session.
     *
     * @param config the configuration
     * @return the new default session
     */
    public static synchronized Session configure(Config config) {
        Session previous = current;
        current = Session.open(config);
        if (previous != null) {
            previous.close();
        }
        return current;
    }

    /**
     * Makes an open session the default, without closing the previous one, which is returned.
     * For frameworks and test extensions that manage sessions themselves.
     *
     * @param session the session to use by default, or null to forget the default
     * @return the previous default, or null
     */
    public static synchronized Session setDefault(Session session) {
        Session previous = current;
        current = session;
        return previous;
    }

    /**
     * Runs a write transaction on the default session (see {@link Session#transaction(Consumer)}).
     *
     * @param body adds the actions
     */
    public static void transaction(Consumer<Transaction> body) {
        session().transaction(body);
    }

    /**
     * Runs a read transaction on the default session (see {@link Session#readTransaction(Consumer)}).
     *
     * @param body adds the gets
     * @return the records in the order of the gets, null where no item has the key
     */
    public static java.util.List<Object> readTransaction(Consumer<ReadTransaction> body) {
        return session().readTransaction(body);
    }

    /** @return a new read transaction on the default session (see {@link Session#readTransaction()}) */
    public static ReadTransaction readTransaction() {
        return session().readTransaction();
    }

    /**
     * The default session, configured on first use from properties and environment when
     * {@link #configure(Consumer)} was not called.
     *
     * @return the default session
     */
    public static Session session() {
        Session s = current;
        if (s != null) {
            return s;
        }
        synchronized (Dynarecord.class) {
            if (current == null) {
                try {
                    current = Session.open(Config.fromDefaults());
                } catch (ConfigurationException e) {
                    throw new ConfigurationException("no default session was configured, and none opens from the defaults"
                            + " (dynarecord.properties, DYNARECORD_* variables): " + e.getMessage() + ". A record or finder"
                            + " not bound to a session with using(session) uses the default one: call"
                            + " Dynarecord.configure(...) or Dynarecord.setDefault(session) at start-up, or bind it with"
                            + " using(session)", e);
                }
            }
            return current;
        }
    }

    /** @return the default session when there is one, without configuring one */
    static Session current() {
        return current;
    }

    static boolean isDefault(Session session) {
        return session == current;
    }

    /** Closes the default session and forgets it; the next use configures a new one. */
    public static synchronized void reset() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
