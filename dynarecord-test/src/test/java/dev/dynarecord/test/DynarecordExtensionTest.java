package dev.dynarecord.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dynarecord.Dynarecord;
import dev.dynarecord.Finder;
import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.it.fixtures.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The extension itself: each nested class below is run by a launcher of its own, with a sentinel
 * session as the JVM-wide default, and tells what it saw. Holds the default-session lock, so no
 * global class of the suite runs meanwhile.
 */
@ResourceLock(DynarecordTest.DEFAULT_SESSION)
class DynarecordExtensionTest {

    private static final String LAUNCHED = "dynarecord.extension-test.launched";
    private static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    private static Session sentinel;
    private static Session before;

    @BeforeAll
    static void useASentinelDefault() {
        sentinel = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_ext_sentinel"));
        before = Dynarecord.setDefault(sentinel);
    }

    @AfterAll
    static void restoreTheDefault() {
        Session current = Dynarecord.setDefault(before);
        try {
            assertThat(current).as("the default after every run").isSameAs(sentinel);
        } finally {
            sentinel.close();
        }
    }

    @Test
    void anInjectedClassLeavesTheDefaultAloneAndGetsFindersOnItsSession() {
        SEEN.clear();
        assertThat(run(false, Injected.class).getTotalFailureCount()).isZero();
        Session session = (Session) SEEN.get("session");
        assertThat(session).isNotNull().isNotSameAs(sentinel);
        assertThat(SEEN.get("default")).isSameAs(sentinel);
        assertThat(SEEN.get("constructor finder session")).isSameAs(session);
        assertThat(SEEN.get("parameter finder session")).isSameAs(session);
        assertThat(SEEN.get("puts")).isEqualTo(1);
        assertThat(session.config().namespace()).startsWith("t").endsWith("_injected");
        assertThat(Dynarecord.session()).isSameAs(sentinel);
        assertThat(sentinel.find(User.class).tableName()).doesNotStartWith(session.config().namespace());
    }

    @Test
    void aGlobalClassIsTheDefaultWhileItRunsAndThePreviousComesBack() {
        SEEN.clear();
        assertThat(run(false, Global.class).getTotalFailureCount()).isZero();
        assertThat(SEEN.get("default")).isSameAs(SEEN.get("session")).isNotSameAs(sentinel);
        assertThat(Dynarecord.session()).isSameAs(sentinel);
    }

    @Test
    void aClassWithAPerClassInstanceGetsItsSessionInTheConstructor() {
        SEEN.clear();
        assertThat(run(false, PerClass.class).getTotalFailureCount()).isZero();
        assertThat(SEEN.get("constructor session")).isNotNull().isSameAs(SEEN.get("test session"));
    }

    @Test
    void aFinderWithoutItsModelIsRefusedWithAMessage() {
        SEEN.clear();
        TestExecutionSummary summary = run(false, RawFinder.class);
        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("declare it as Finder<User>");
    }

    @Test
    void onlyGlobalClassesHoldTheDefaultSessionLock() {
        ResourceLocksProvider provider = new DynarecordExtension.DefaultSessionLock();
        assertThat(provider.provideForClass(Global.class))
                .containsExactly(new ResourceLocksProvider.Lock(DynarecordTest.DEFAULT_SESSION, ResourceAccessMode.READ_WRITE));
        assertThat(provider.provideForClass(Injected.class)).isEmpty();
        assertThat(DynarecordExtension.settings(Object.class).global()).as("@ExtendWith alone").isTrue();
    }

    @Test
    void globalClassesNeverOverlapWhenClassesRunInParallel() {
        SEEN.clear();
        Overlap.running.set(0);
        Overlap.most.set(0);
        TestExecutionSummary summary = run(true, GlobalA.class, GlobalB.class, GlobalC.class, Injected.class);
        assertThat(summary.getTotalFailureCount()).as(() -> failures(summary)).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3 * 2 + 2);
        assertThat(Overlap.most.get()).isEqualTo(1);
        assertThat(Dynarecord.session()).isSameAs(sentinel);
    }

    private static String failures(TestExecutionSummary summary) {
        StringBuilder out = new StringBuilder();
        summary.getFailures().forEach(f -> out.append(f.getTestIdentifier().getDisplayName()).append(": ")
                .append(f.getException()).append('\n'));
        return out.toString();
    }

    private static TestExecutionSummary run(boolean parallel, Class<?>... classes) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter(LAUNCHED, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", String.valueOf(parallel))
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
        List<org.junit.platform.engine.DiscoverySelector> selectors = new ArrayList<>();
        for (Class<?> c : classes) {
            selectors.add(selectClass(c));
        }
        LauncherDiscoveryRequest built = request.selectors(selectors).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(built, listener);
        return listener.getSummary();
    }

    static boolean launched(ExtensionContext context) {
        return context.getConfigurationParameter(LAUNCHED).isPresent();
    }

    @DynarecordTest(global = false)
    @EnabledIf("dev.dynarecord.test.DynarecordExtensionTest#launched")
    static class Injected {

        private final Finder<User> users;

        Injected(Finder<User> users) {
            this.users = users;
        }

        @Test
        void seesItsOwnSession(Session session, Finder<User> byParameter, RequestRecorder recorder) {
            SEEN.put("session", session);
            SEEN.put("default", Dynarecord.session());
            SEEN.put("constructor finder session", users.session());
            SEEN.put("parameter finder session", byParameter.session());
            User saved = users.create(u -> u.name = "injected");
            assertThat(users.byId(saved.id()).session()).isSameAs(session);
            assertThat(sentinelFinder().exists(saved.id())).isFalse();
            SEEN.put("puts", recorder.count(PutItemRequest.class));
        }

        @Test
        void recordsAreBoundToTheClassSession(Session session) {
            User u = new User().using(session);
            u.name = "bound";
            u.saveOrThrow();
            assertThat(users.exists(u.id())).isTrue();
        }

        /**
         * The sentinel itself, not whatever is the default now: when classes run in parallel, the
         * default may be a global class's session that is closed the moment that class ends.
         */
        private static Finder<User> sentinelFinder() {
            return User.find.using(sentinel);
        }
    }

    @DynarecordTest
    @EnabledIf("dev.dynarecord.test.DynarecordExtensionTest#launched")
    static class Global {

        @Test
        void isTheDefault(Session session) {
            SEEN.put("session", session);
            SEEN.put("default", Dynarecord.session());
            User saved = User.find.create(u -> u.name = "global");
            assertThat(User.find.using(session).exists(saved.id())).isTrue();
        }
    }

    @DynarecordTest(global = false)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @EnabledIf("dev.dynarecord.test.DynarecordExtensionTest#launched")
    static class PerClass {

        PerClass(Session session) {
            SEEN.put("constructor session", session);
        }

        @Test
        void sameSession(Session session) {
            SEEN.put("test session", session);
        }
    }

    @DynarecordTest(global = false)
    @EnabledIf("dev.dynarecord.test.DynarecordExtensionTest#launched")
    static class RawFinder {

        @Test
        @SuppressWarnings("rawtypes")
        void raw(Finder finder) {
        }
    }

    /** Counts the global classes running at once. */
    abstract static class Overlap {

        static final AtomicInteger running = new AtomicInteger();
        static final AtomicInteger most = new AtomicInteger();

        @Test
        void first(Session session) throws InterruptedException {
            hold(session);
        }

        @Test
        void second(Session session) throws InterruptedException {
            hold(session);
        }

        private static void hold(Session session) throws InterruptedException {
            int now = running.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                assertThat(Dynarecord.session()).isSameAs(session);
                Thread.sleep(50);
                assertThat(Dynarecord.session()).isSameAs(session);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @DynarecordTest
    @EnabledIf("dev.dynarecord.test.DynarecordExtensionTest#launched")
    static class GlobalA extends Overlap {
    }

    @DynarecordTest
    @EnabledIf("dev.dynarecord.test.DynarecordExtensionTest#launched")
    static class GlobalB extends Overlap {
    }

    @DynarecordTest
    @EnabledIf("dev.dynarecord.test.DynarecordExtensionTest#launched")
    static class GlobalC extends Overlap {
    }
}
