package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynarecord.Model;
import dev.dynarecord.exception.ConversionException;
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
    /** Model's own fields, private to it: reached by Model itself, or by method handles in reflective mode. */
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
            assertThat(generated.reflectiveFields()).as(type.getSimpleName() + ": no field by method handles").isEmpty();
            assertThat(generated.itemCodeFields()).as(type.getSimpleName() + ": every other field by generated item code")
                    .hasSize(generated.attributes().size() - generated.reflectiveFields().size())
                    .containsAll(MODEL_FIELDS);
            ModelSchema<?> reflective = ModelSchema.build(type, false);
            assertThat(reflective.generatedConstructor()).isFalse();
            assertThat(reflective.reflectiveFields()).hasSizeGreaterThan(generated.reflectiveFields().size());
            assertThat(reflective.itemCodeFields()).isEmpty();
        }
    }

    @Test
    void sessionsFollowTheModeTheSystemPropertyChooses() {
        boolean reflective = "reflective".equals(System.getProperty("dynarecord.accessors"));
        ModelSchema<EveryType> used = Schemas.of(EveryType.class);
        assertThat(used.generatedConstructor()).as("dynarecord.accessors=" + System.getProperty("dynarecord.accessors"))
                .isEqualTo(!reflective);
        if (reflective) {
            assertThat(used.reflectiveFields()).contains("string", "primitiveInt", "profile").containsAll(MODEL_FIELDS);
        } else {
            assertThat(used.reflectiveFields()).isEmpty();
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
    void aValueOfTheWrongTypeFailsWithTheSameMessageBothWays() {
        ModelSchema<EveryType> generated = ModelSchema.build(EveryType.class, true);
        ModelSchema<EveryType> reflective = ModelSchema.build(EveryType.class, false);
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("x"), "primitiveInt", AttributeValue.fromS("seven"));
        Throwable byHandles = catchThrowable(() -> reflective.readItem(item, reflective.newInstance()));
        assertThat(byHandles).isInstanceOf(ConversionException.class).hasMessageContaining("primitiveInt");
        assertThat(catchThrowable(() -> generated.readItem(item, generated.newInstance())))
                .isInstanceOf(ConversionException.class).hasMessage(byHandles.getMessage());

        EveryType record = reflective.newInstance();
        reflective.readItem(Map.of("id", AttributeValue.fromS("x")), record);
        record.listOfMaps = List.of(Map.of("", 1)); // an empty map key: DynamoDB refuses it
        Throwable written = catchThrowable(() -> reflective.toItem(record));
        assertThat(written).isInstanceOf(ConversionException.class).hasMessageContaining("listOfMaps");
        assertThat(catchThrowable(() -> generated.toItem(record))).isInstanceOf(ConversionException.class)
                .hasMessage(written.getMessage());
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
