package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Model;
import dev.dynarecord.it.fixtures.EveryType;
import dev.dynarecord.it.fixtures.User;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.Schemas;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The two ways a schema reaches a model's fields, the code dynarecord-processor generated for this
 * module's test models and method handles, give the same items. (The whole suite also runs once in
 * each mode: the build's second test execution sets {@code -Ddynarecord.accessors=reflective}.)
 */
class AccessorModesTest {

    private static final int RECORDS = 300;
    /** Model's own fields, private to it: reached by method handles in both modes. */
    private static final List<String> MODEL_FIELDS = List.of("id", "createdAt", "updatedAt");
    private static long seed;

    @BeforeAll
    static void seed() {
        String given = System.getProperty("seed");
        seed = given == null || given.isBlank() ? System.nanoTime() : Long.parseLong(given.trim());
        System.out.println("AccessorModesTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
    }

    @Test
    void theProcessorCoveredEveryFieldTheModelsDeclare() {
        for (Class<? extends Model<?>> type : List.of(EveryType.class, User.class)) {
            ModelSchema<?> generated = ModelSchema.build(type, true);
            assertThat(generated.generatedConstructor()).as(type.getSimpleName()).isTrue();
            assertThat(MODEL_FIELDS).as(type.getSimpleName() + ": only Model's own fields by method handles")
                    .containsAll(generated.reflectiveFields());
            ModelSchema<?> reflective = ModelSchema.build(type, false);
            assertThat(reflective.generatedConstructor()).isFalse();
            assertThat(reflective.reflectiveFields()).hasSizeGreaterThan(generated.reflectiveFields().size());
        }
    }

    @Test
    void sessionsFollowTheModeTheSystemPropertyChooses() {
        boolean reflective = "reflective".equals(System.getProperty("dynarecord.accessors"));
        ModelSchema<EveryType> used = Schemas.of(EveryType.class);
        assertThat(used.generatedConstructor()).as("dynarecord.accessors=" + System.getProperty("dynarecord.accessors"))
                .isEqualTo(!reflective);
        if (reflective) {
            assertThat(used.reflectiveFields()).contains("string", "primitiveInt", "profile");
        } else {
            assertThat(MODEL_FIELDS).containsAll(used.reflectiveFields());
        }
    }

    @Test
    void randomRecordsMakeTheSameItemsAndLoadTheSameWays() {
        ModelSchema<EveryType> generated = ModelSchema.build(EveryType.class, true);
        ModelSchema<EveryType> reflective = ModelSchema.build(EveryType.class, false);
        Random r = new Random(seed);
        for (int i = 0; i < RECORDS; i++) {
            String where = "seed " + seed + ", record " + i;
            EveryType record = RoundTripTest.random(r);
            Map<String, AttributeValue> item = reflective.toItem(record);
            assertThat(generated.toItem(record)).as(where).isEqualTo(item);

            EveryType byGenerated = generated.newInstance();
            generated.readItem(item, byGenerated);
            EveryType byHandles = reflective.newInstance();
            reflective.readItem(item, byHandles);
            // each read back, written by the other way: the item it was read from, attribute for attribute
            assertThat(reflective.toItem(byGenerated)).as(where).isEqualTo(item);
            assertThat(generated.toItem(byHandles)).as(where).isEqualTo(item);
        }
    }

    @Test
    void primitiveFieldsReadAbsentAttributesAsZeroBothWays() {
        for (boolean mode : new boolean[] {true, false}) {
            ModelSchema<EveryType> schema = ModelSchema.build(EveryType.class, mode);
            EveryType e = schema.newInstance();
            e.primitiveInt = 7;
            e.primitiveBoolean = true;
            schema.readItem(Map.of("id", AttributeValue.fromS("x")), e);
            assertThat(e.primitiveInt).as("generated=" + mode).isZero();
            assertThat(e.primitiveBoolean).as("generated=" + mode).isFalse();
            assertThat(e.id()).isEqualTo("x");
        }
    }
}
