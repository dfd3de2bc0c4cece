package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.test.RequestRecorder;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A validator given with {@code Config.builder().validator(...)} checks the records of its session
 * instead of the default provider's, as the Spring Boot starter does with the application's
 * {@code Validator} bean; the default session keeps the default provider.
 */
class SessionValidatorTest {

    public static class Note extends Model<Note> {
        public static final Finder<Note> find = finder(Note.class);
        @Field @NotBlank public String text;
    }

    /** Messages from a source of their own, as a Spring MessageSource gives them. */
    static final class Shouting implements MessageInterpolator {
        @Override
        public String interpolate(String template, Context context) {
            return "SAYS WHO: " + template;
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return interpolate(template, context);
        }
    }

    private static final RequestRecorder RECORDER = new RequestRecorder();
    private static Session session;

    @BeforeAll
    static void open() {
        Validator validator = Validation.byDefaultProvider().configure().messageInterpolator(new Shouting())
                .buildValidatorFactory().getValidator();
        session = Session.open(Config.builder().adapter(Adapter.LOCAL).namespace("session_validator")
                .listener(RECORDER).validator(validator).build());
    }

    @AfterAll
    static void close() {
        session.tables().dropAll();
        session.close();
    }

    @Test
    void theSessionsValidatorChecksItsRecordsAndNothingIsSent() {
        Note note = new Note().using(session);
        RECORDER.clear();

        assertThat(note.save()).isFalse();

        assertThat(note.errors().on("text")).containsExactly("SAYS WHO: {jakarta.validation.constraints.NotBlank.message}");
        assertThat(RECORDER.requests()).isEmpty();
        assertThat(session.config().validator()).isPresent();
        assertThat(session.config().toString()).contains("validator=(supplied)");
    }

    @Test
    void aValidRecordIsSaved() {
        Note note = new Note().using(session);
        note.text = "hello";
        assertThat(note.save()).isTrue();
        assertThat(Note.find.using(session).byId(note.id()).text).isEqualTo("hello");
    }

    @Test
    void anObjectThatIsNoValidatorIsRefused() {
        assertThatThrownBy(() -> Config.builder().validator("not a validator"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("validator(java.lang.String): pass a jakarta.validation.Validator (such as a"
                        + " ValidatorFactory's getValidator()), or null for the default provider's");
    }
}
