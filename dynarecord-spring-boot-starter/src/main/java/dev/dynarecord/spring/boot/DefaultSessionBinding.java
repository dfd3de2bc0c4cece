package dev.dynarecord.spring.boot;

import dev.dynarecord.Dynarecord;
import dev.dynarecord.Session;
import org.springframework.beans.factory.DisposableBean;

/**
 * Makes the context's session the JVM-wide default ({@link Dynarecord#setDefault(Session)}) when
 * created, so that {@code User.find} and {@code new User().save()} use it, and forgets it when the
 * context closes, before the session itself is closed. A default that another context set in the
 * meantime is left alone. Thread-safe.
 */
public final class DefaultSessionBinding implements DisposableBean {

    private final Session session;

    /** @param session the session to make the default */
    public DefaultSessionBinding(Session session) {
        this.session = session;
        Dynarecord.setDefault(session);
    }

    /** @return the session made the default */
    public Session session() {
        return session;
    }

    /** Makes this context's session the default again (a test context taken from Spring's cache). */
    public void bind() {
        Dynarecord.setDefault(session);
    }

    /** Forgets the default if it is still this context's session; the session is closed by the context after this. */
    @Override
    public void destroy() {
        synchronized (Dynarecord.class) {
            Session current = Dynarecord.setDefault(null);
            if (current != null && current != session) {
                Dynarecord.setDefault(current);
            }
        }
    }
}
