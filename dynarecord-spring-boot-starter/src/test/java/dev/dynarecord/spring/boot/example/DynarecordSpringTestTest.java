package dev.dynarecord.spring.boot.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dynarecord.Dynarecord;
import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.SessionClosedException;
import dev.dynarecord.local.LocalEngineProvider;
import dev.dynarecord.spring.boot.test.DynarecordSpringTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code @DynarecordSpringTest} on test classes of its own, run through JUnit's launcher so that
 * what happens after them can be seen: the embedded engine, a namespace per class, the session
 * made the default, the tables dropped and the context closed afterwards.
 */
@ResourceLock(DynarecordSpringTest.DEFAULT_SESSION)
class DynarecordSpringTestTest {

    static final List<Session> SESSIONS = new ArrayList<>();

    @DynarecordSpringTest
    static class FirstUse {
        @Autowired Session session;

        @Test
        void runsOnTheEmbeddedEngineInANamespaceOfItsOwn() {
            SESSIONS.add(session);
            assertThat(session.config().adapter()).isEqualTo(Adapter.LOCAL);
            assertThat(session.config().namespace()).startsWith("t_first_use_");
            assertThat(Dynarecord.session()).isSameAs(session);
            Author a = new Author();
            a.name = "kept until the class ends";
            assertThat(a.save()).isTrue();
        }
    }

    @DynarecordSpringTest(properties = "dynarecord.namespace=chosen_by_the_test")
    static class OwnNamespace {
        @Autowired Session session;

        @Test
        void theTestsPropertiesWin() {
            SESSIONS.add(session);
            assertThat(session.config().namespace()).isEqualTo("chosen_by_the_test");
        }
    }

    @Test
    void eachClassGetsItsNamespaceAndLeavesNothingBehind() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(FirstUse.class), selectClass(OwnNamespace.class)).build(), summary);

        assertThat(summary.getSummary().getFailures()).isEmpty();
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
        assertThat(SESSIONS).hasSize(2);
        List<String> tables = new LocalEngineProvider().shared().client().listTables().tableNames();
        for (Session s : SESSIONS) {
            String namespace = s.config().namespace();
            assertThat(tables).noneMatch(t -> t.startsWith(namespace + "_"));
            assertThatThrownBy(() -> s.tables().list()).isInstanceOf(SessionClosedException.class);
        }
        assertThat(Dynarecord.setDefault(null)).isNull();
    }
}
