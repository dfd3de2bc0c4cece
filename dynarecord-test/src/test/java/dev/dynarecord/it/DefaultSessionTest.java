package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Dynarecord;
import dev.dynarecord.Session;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.it.fixtures.User;
import dev.dynarecord.test.DynarecordTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A record or finder used without a session, when nothing configured the default one and the
 * defaults do not open one: the message says that the default session was meant and how to
 * configure it or bind the record, not only what the defaults lacked.
 */
@ResourceLock(DynarecordTest.DEFAULT_SESSION) // it takes the default session away while it runs
class DefaultSessionTest {

    /** Serves a dynarecord.properties the defaults cannot open a session from. */
    private static final class BadDefaults extends ClassLoader {
        BadDefaults(ClassLoader parent) {
            super(parent);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            return name.equals("dynarecord.properties")
                    ? new ByteArrayInputStream("dynarecord.adapter=NOWHERE\n".getBytes(StandardCharsets.UTF_8))
                    : super.getResourceAsStream(name);
        }
    }

    @Test
    void usingTheDefaultSessionThatCannotOpenSaysHowToConfigureOrBind() {
        Session before = Dynarecord.setDefault(null);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new BadDefaults(previous));
        try {
            assertThatThrownBy(() -> User.find.byId("someone"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("no default session was configured, and none opens from the defaults")
                    .hasMessageContaining("NOWHERE")
                    .hasMessageContaining("Dynarecord.configure(...) or Dynarecord.setDefault(session)")
                    .hasMessageContaining("using(session)");
        } finally {
            thread.setContextClassLoader(previous);
            Dynarecord.setDefault(before);
        }
    }
}
