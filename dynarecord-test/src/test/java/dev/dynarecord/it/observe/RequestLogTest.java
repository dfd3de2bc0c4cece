package dev.dynarecord.it.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.it.Stderr;
import dev.dynarecord.observe.MicrometerMetrics;
import dev.dynarecord.spi.ObservedRequest;
import dev.dynarecord.spi.ObservedResult;
import dev.dynarecord.spi.RequestObserver;
import dev.dynarecord.test.DynarecordTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The request log's slow-request warning on the real engine, and an observer that throws: logged
 * once, ignored, and the caller's save and the other observers unharmed. Isolated: it reads System.err.
 */
@DynarecordTest(global = false)
@Isolated
class RequestLogTest {

    @Table(name = "logged_notes")
    public static class Note extends Model<Note> {
        public static final Finder<Note> find = finder(Note.class);

        @Field public String text;
    }

    /** Throws from every call. */
    static final class Broken implements RequestObserver {
        @Override
        public Object requestStarted(ObservedRequest request) {
            throw new IllegalStateException("broken observer");
        }

        @Override
        public void requestFinished(ObservedRequest request, ObservedResult result, Object token) {
            throw new IllegalStateException("broken observer");
        }
    }

    private final Session raw;

    RequestLogTest(Session raw) {
        this.raw = raw;
    }

    private Session open(String suffix, Consumer<dev.dynarecord.config.Config.Builder> more) {
        Session session = Session.open(c -> {
            c.client(raw.client()).autoCreateTables(true).namespace(raw.config().namespace() + "_" + suffix);
            more.accept(c);
        });
        session.tables().create(Note.class);
        return session;
    }

    @Test
    void aRequestOverTheThresholdIsLoggedAtWarnWithItsShapeAndNeverItsValues() {
        Session session = open("slow", c -> c.slowRequestThreshold(Duration.ofNanos(1)));
        try {
            Note note = new Note().using(session);
            note.text = "confidential words";
            String log = Stderr.of(note::saveOrThrow);
            String table = session.tableName(Note.class);
            assertThat(log).contains("WARN", "requests", "slow request (over 0.00 ms): PutItem table=" + table, " ms success",
                    "capacity=");
            assertThat(log).doesNotContain("confidential", note.id().toString());
        } finally {
            close(session);
        }
    }

    @Test
    void anObserverThatThrowsIsLoggedOnceAndTheSaveAndTheOtherObserversGoOn() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Session[] opened = new Session[1];
        String log = Stderr.of(() -> {
            opened[0] = open("broken", c -> c.observer(new Broken()).observer(MicrometerMetrics.of(registry)));
            for (int i = 0; i < 3; i++) {
                Note note = new Note().using(opened[0]);
                note.text = "n" + i;
                note.saveOrThrow();
            }
        });
        Session session = opened[0];
        try {
            assertThat(session.find(Note.class).allowScan().count()).isEqualTo(3);
            assertThat(registry.get("dynarecord.requests").tag("operation", "PutItem").timer().count()).isEqualTo(3);
            assertThat(log.split(java.util.regex.Pattern.quote("request observer " + Broken.class.getName() + " threw, and is ignored"), -1))
                    .as("warned once").hasSize(2);
        } finally {
            close(session);
        }
    }

    private static void close(Session session) {
        try {
            session.tables().dropAll();
        } finally {
            session.close();
        }
    }
}
