package dev.dynarecord.test;

import dev.dynarecord.Dynarecord;
import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.config.Config;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link DynarecordTest}: a LOCAL session per test class in a
 * namespace of its own, made the default while the class runs, its tables dropped afterwards.
 */
public final class DynarecordExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(DynarecordExtension.class);
    private static final AtomicInteger CLASSES = new AtomicInteger();

    /** Used by JUnit. */
    public DynarecordExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RequestRecorder recorder = new RequestRecorder();
        Session session = Session.open(Config.builder().adapter(Adapter.LOCAL)
                .namespace(namespaceFor(context.getRequiredTestClass())).listener(recorder).build());
        ExtensionContext.Store store = context.getStore(STORE);
        store.put(Session.class, session);
        store.put(RequestRecorder.class, recorder);
        store.put("previousDefault", new Holder(Dynarecord.setDefault(session)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        recorder(context).clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(STORE);
        Session session = store.remove(Session.class, Session.class);
        Holder previous = store.remove("previousDefault", Holder.class);
        if (session == null) {
            return;
        }
        try {
            session.tables().dropAll();
        } finally {
            synchronized (Dynarecord.class) {
                Session current = Dynarecord.setDefault(previous == null ? null : previous.session());
                if (current != session) {
                    Dynarecord.setDefault(current);
                }
            }
            session.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Session.class || type == RequestRecorder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Session.class ? session(context) : recorder(context);
    }

    /**
     * @param context a test's context
     * @return the session of the test's class
     */
    public static Session session(ExtensionContext context) {
        return context.getStore(STORE).get(Session.class, Session.class);
    }

    private static RequestRecorder recorder(ExtensionContext context) {
        return context.getStore(STORE).get(RequestRecorder.class, RequestRecorder.class);
    }

    /** A namespace unique in this JVM and readable in logs: {@code t3_user_test}. */
    static String namespaceFor(Class<?> testClass) {
        String snake = testClass.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        if (snake.length() > 60) {
            snake = snake.substring(0, 60);
        }
        return "t" + CLASSES.incrementAndGet() + "_" + snake;
    }

    private record Holder(Session session) {
    }
}
