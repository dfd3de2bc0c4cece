package dev.dynarecord.test;

import dev.dynarecord.Dynarecord;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.config.Config;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.SearchOption;

/**
 * The JUnit 5 extension behind {@link DynarecordTest}: a LOCAL session per test class in a
 * namespace of its own, its tables dropped afterwards. It resolves parameters of type
 * {@link Session}, {@link RequestRecorder} and {@code Finder<M>} (a finder of model {@code M} on
 * the class's session) in constructors, lifecycle methods and test methods. With
 * {@link DynarecordTest#global() global} (the default) the session is also the JVM-wide default
 * while the class runs; with {@code global = false} the default is never touched.
 */
public final class DynarecordExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(DynarecordExtension.class);
    private static final AtomicInteger CLASSES = new AtomicInteger();

    /** Used by JUnit. */
    public DynarecordExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassResources resources = resources(context);
        if (settings(context.getRequiredTestClass()).global()) {
            context.getStore(STORE).put(PreviousDefault.class, new PreviousDefault(Dynarecord.setDefault(resources.session())));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        resources(context).recorder().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(STORE);
        ClassResources resources = store.remove(ClassResources.class, ClassResources.class);
        PreviousDefault previous = store.remove(PreviousDefault.class, PreviousDefault.class);
        if (resources == null) {
            return;
        }
        Session session = resources.session();
        try {
            session.tables().dropAll();
        } finally {
            if (previous != null) {
                synchronized (Dynarecord.class) {
                    Session current = Dynarecord.setDefault(previous.session());
                    if (current != session) {
                        Dynarecord.setDefault(current);
                    }
                }
            }
            session.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Session.class || type == RequestRecorder.class || type == Finder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ClassResources resources = resources(context);
        if (type == Session.class) {
            return resources.session();
        }
        if (type == RequestRecorder.class) {
            return resources.recorder();
        }
        return finder(resources.session(), modelOf(parameter));
    }

    /**
     * @param context a test's context
     * @return the session of the test's class
     */
    public static Session session(ExtensionContext context) {
        return resources(context).session();
    }

    /**
     * @param context a test's context
     * @return the request recorder of the test's class, listening to its session
     */
    public static RequestRecorder recorder(ExtensionContext context) {
        return resources(context).recorder();
    }

    /**
     * The session and recorder of the test class that {@code context} belongs to, opened on first
     * need: by {@code beforeAll}, or earlier by a constructor parameter of a class whose test
     * instance is created before {@code beforeAll} ({@code @TestInstance(PER_CLASS)}).
     */
    private static ClassResources resources(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(STORE).computeIfAbsent(ClassResources.class,
                k -> ClassResources.open(classContext.getRequiredTestClass()), ClassResources.class);
    }

    /** The nearest context of a test class: the context itself, or the class around a method. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (!(c.getElement().orElse(null) instanceof Class<?>)) {
            c = c.getParent().orElseThrow(() -> new IllegalStateException("no test class around " + context.getUniqueId()));
        }
        return c;
    }

    /** The {@link DynarecordTest} of a test class, on it, a superclass or an enclosing class; the defaults otherwise. */
    static DynarecordTest settings(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, DynarecordTest.class, SearchOption.INCLUDE_ENCLOSING_CLASSES)
                .orElse(Defaults.class.getAnnotation(DynarecordTest.class));
    }

    /** Carries the default settings, for classes that registered the extension with {@code @ExtendWith}. */
    @DynarecordTest
    private static final class Defaults {
    }

    /** The model class {@code M} of a {@code Finder<M>} parameter. */
    private static Class<?> modelOf(ParameterContext parameter) {
        Type type = parameter.getParameter().getParameterizedType();
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> model
                && Model.class.isAssignableFrom(model)) {
            return model;
        }
        throw new ParameterResolutionException("cannot tell the model of parameter " + parameter.getParameter()
                + " in " + parameter.getDeclaringExecutable() + ": declare it as Finder<User>, naming the model class");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Finder<?> finder(Session session, Class<?> model) {
        return session.find((Class) model);
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

    /** What one test class gets: its session, and a recorder listening to it. */
    private record ClassResources(Session session, RequestRecorder recorder) {

        static ClassResources open(Class<?> testClass) {
            RequestRecorder recorder = new RequestRecorder();
            Session session = Session.open(Config.builder().adapter(Adapter.LOCAL)
                    .namespace(namespaceFor(testClass)).listener(recorder).build());
            return new ClassResources(session, recorder);
        }
    }

    /** The default session before a global class made its own the default. */
    private record PreviousDefault(Session session) {
    }

    /**
     * Gives every class whose {@link DynarecordTest#global()} is true the lock
     * {@link DynarecordTest#DEFAULT_SESSION}, so that no two of them run at once.
     */
    static final class DefaultSessionLock implements ResourceLocksProvider {

        DefaultSessionLock() {
        }

        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return locksOf(testClass);
        }

        @Override
        public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
            return locksOf(testClass);
        }

        private static Set<Lock> locksOf(Class<?> testClass) {
            return Optional.of(settings(testClass)).filter(DynarecordTest::global)
                    .map(s -> Set.of(new Lock(DynarecordTest.DEFAULT_SESSION, ResourceAccessMode.READ_WRITE)))
                    .orElse(Set.of());
        }
    }
}
