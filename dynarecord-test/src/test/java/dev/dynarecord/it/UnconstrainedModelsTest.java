package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.config.Config;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A record of a model with no constraints, no constrained property and no cascade is never handed
 * to the Bean Validation provider: it has nothing to check, and the call would cost the save more
 * than the rest of it. Models with any of them still are.
 */
class UnconstrainedModelsTest {

    public static class Plain extends Model<Plain> {
        @Field public String text;
        @Field public int count;
    }

    public static class Checked extends Model<Checked> {
        @Field @NotBlank public String text;
    }

    public static class Label {
        @Field @NotBlank public String value;
    }

    /** No constraint of its own: only a cascade into a document. */
    public static class Cascading extends Model<Cascading> {
        @Field @Valid public Label label;
    }

    /** Validates, but has no metadata to give, as a thin adapter or a test double may. */
    static final class NoMetadata extends Counting {
        @Override
        public BeanDescriptor getConstraintsForClass(Class<?> clazz) {
            throw new UnsupportedOperationException("getConstraintsForClass");
        }
    }

    /** Counts the records it is asked to validate; the default provider does the work. */
    static class Counting implements Validator {
        final AtomicInteger validated = new AtomicInteger();
        private final Validator delegate = Validation.buildDefaultValidatorFactory().getValidator();

        @Override
        public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
            validated.incrementAndGet();
            return delegate.validate(object, groups);
        }

        @Override
        public <T> Set<ConstraintViolation<T>> validateProperty(T object, String propertyName, Class<?>... groups) {
            return delegate.validateProperty(object, propertyName, groups);
        }

        @Override
        public <T> Set<ConstraintViolation<T>> validateValue(Class<T> beanType, String propertyName, Object value,
                Class<?>... groups) {
            return delegate.validateValue(beanType, propertyName, value, groups);
        }

        @Override
        public BeanDescriptor getConstraintsForClass(Class<?> clazz) {
            return delegate.getConstraintsForClass(clazz);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return delegate.unwrap(type);
        }

        @Override
        public ExecutableValidator forExecutables() {
            return delegate.forExecutables();
        }
    }

    private static final Counting VALIDATOR = new Counting();
    private static Session session;

    @BeforeAll
    static void open() {
        session = Session.open(Config.builder().adapter(Adapter.LOCAL).namespace("unconstrained").validator(VALIDATOR).build());
    }

    @AfterAll
    static void close() {
        session.tables().dropAll();
        session.close();
    }

    @Test
    void aModelWithNothingToCheckIsNotHandedToTheProvider() {
        int before = VALIDATOR.validated.get();
        for (int i = 0; i < 3; i++) {
            Plain p = new Plain().using(session);
            p.text = "t" + i;
            assertThat(p.save()).isTrue();
        }
        assertThat(VALIDATOR.validated.get()).isEqualTo(before);
    }

    @Test
    void aValidatorWithoutMetadataIsAskedForEveryRecordAsBefore() {
        NoMetadata validator = new NoMetadata();
        try (Session other = Session.open(Config.builder().adapter(Adapter.LOCAL).namespace("no_metadata").validator(validator)
                .build())) {
            Checked blank = new Checked().using(other);
            assertThat(blank.save()).isFalse();
            assertThat(blank.errors().on("text")).isNotEmpty();
            Plain plain = new Plain().using(other);
            assertThat(plain.save()).isTrue();
            assertThat(validator.validated.get()).isEqualTo(2);
            other.tables().dropAll();
        }
    }

    @Test
    void aModelWithConstraintsOrACascadeStillIs() {
        int before = VALIDATOR.validated.get();
        Checked blank = new Checked().using(session);
        assertThat(blank.save()).isFalse();
        assertThat(blank.errors().on("text")).isNotEmpty();
        Cascading cascading = new Cascading().using(session);
        cascading.label = new Label();
        assertThat(cascading.save()).isFalse();
        assertThat(cascading.errors().on("label.value")).isNotEmpty();
        assertThat(VALIDATOR.validated.get()).isEqualTo(before + 2);
    }
}
