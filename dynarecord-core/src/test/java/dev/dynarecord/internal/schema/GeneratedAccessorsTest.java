package dev.dynarecord.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.spi.GeneratedAccess;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a schema finds and uses generated access: here written by hand, in the shape
 * dynarecord-processor writes it (the processor's own tests check what it writes; dynarecord-test
 * runs the suite on models it processed).
 */
class GeneratedAccessorsTest {

    static class Plain extends Model<Plain> {
        @HashKey String code;
        @Field int count;
        @Field private String secret;

        String secret() {
            return secret;
        }

        void secret(String value) {
            secret = value;
        }
    }

    /** Has a class of the generated name that is no GeneratedAccess. */
    static class Impostor extends Model<Impostor> {
        @HashKey String code;
    }

    /** Its generated name belongs to access for another class. */
    static class Misnamed extends Model<Misnamed> {
        @HashKey String code;
    }

    /** Its constructor throws a checked exception, which generated code passes on undeclared. */
    static class Thrower extends Model<Thrower> {
        @HashKey String code;
    }

    /** Its generated access cannot be made. */
    static class Broken extends Model<Broken> {
        @HashKey String code;
    }

    @Test
    void namesFollowTheNestingInThePackage() {
        assertThat(GeneratedAccessors.nameOf(Plain.class))
                .isEqualTo("dev.dynarecord.internal.schema.GeneratedAccessorsTest_Plain_DynarecordAccess");
        assertThat(GeneratedAccessors.nameOf(String.class)).isEqualTo("java.lang.String_DynarecordAccess");
    }

    @Test
    void modesAreGeneratedByDefaultOrReflective() {
        assertThat(GeneratedAccessors.enabled(null)).isTrue();
        assertThat(GeneratedAccessors.enabled(" ")).isTrue();
        assertThat(GeneratedAccessors.enabled("generated")).isTrue();
        assertThat(GeneratedAccessors.enabled(" Reflective ")).isFalse();
        assertThatThrownBy(() -> GeneratedAccessors.enabled("fast"))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("-Ddynarecord.accessors=fast is not a mode")
                .hasMessageContaining("generated")
                .hasMessageContaining("reflective");
    }

    @Test
    void generatedCodeReachesWhatItCoversAndHandlesTheRest() {
        ModelSchema<Plain> schema = ModelSchema.build(Plain.class, true);
        assertThat(schema.generatedConstructor()).isTrue();
        assertThat(schema.reflectiveFields()).as("Model's own fields by Model itself").containsExactly("secret");
        assertThat(schema.itemCodeFields()).as("a class without item code goes attribute by attribute")
                .containsExactlyInAnyOrder("createdAt", "updatedAt");

        Plain p = schema.newInstance();
        assertThat(GeneratedAccessorsTest_Plain_DynarecordAccess.made).isPositive();
        schema.readItem(Map.of("code", AttributeValue.fromS("a"), "count", AttributeValue.fromN("3"), "secret",
                AttributeValue.fromS("s")), p);
        assertThat(p.code).isEqualTo("a");
        assertThat(p.count).isEqualTo(3);
        assertThat(p.secret()).isEqualTo("s");
        assertThat(schema.toItem(p)).containsEntry("count", AttributeValue.fromN("3")).containsEntry("secret", AttributeValue.fromS("s"));

        ModelSchema<Plain> reflective = ModelSchema.build(Plain.class, false);
        assertThat(reflective.generatedConstructor()).isFalse();
        assertThat(reflective.reflectiveFields()).contains("code", "count", "secret", "createdAt", "updatedAt");
        assertThat(reflective.itemCodeFields()).isEmpty();
        assertThat(reflective.toItem(p)).isEqualTo(schema.toItem(p));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAsWithHandles() {
        for (boolean generated : new boolean[] {true, false}) {
            ModelSchema<Plain> schema = ModelSchema.build(Plain.class, generated);
            AttributeSchema count = schema.attribute("count").orElseThrow();
            assertThatThrownBy(() -> count.set(new Plain(), "three"))
                    .as("generated=" + generated)
                    .isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Plain.count holds int values; got java.lang.String 'three': pass a Integer");
        }
    }

    @Test
    void primitiveFieldsTakeWhatJavaWidensBothWays() {
        for (boolean generated : new boolean[] {true, false}) {
            AttributeSchema count = ModelSchema.build(Plain.class, generated).attribute("count").orElseThrow();
            Plain p = new Plain();
            count.set(p, (short) 7);
            assertThat(p.count).as("generated=" + generated).isEqualTo(7);
            count.set(p, 'A');
            assertThat(p.count).isEqualTo(65);
            assertThatThrownBy(() -> count.set(p, 5L)).as("a long is not narrowed into an int")
                    .isInstanceOf(ConversionException.class).hasMessageContaining("holds int values; got java.lang.Long '5'");
        }
    }

    @Test
    void aCheckedExceptionOfTheConstructorIsWrappedAsWithHandles() {
        ModelSchema<Thrower> schema = ModelSchema.build(Thrower.class, true);
        assertThat(schema.generatedConstructor()).isTrue();
        assertThatThrownBy(schema::newInstance)
                .isInstanceOf(DynarecordException.class)
                .hasMessage("Thrower's constructor threw java.io.IOException: disk")
                .hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void aClassWithTheNameThatIsNoAccessIsIgnored() {
        assertThat(GeneratedAccessors.of(Impostor.class)).isEmpty();
        assertThat(ModelSchema.build(Impostor.class, true).reflectiveFields()).contains("code");
    }

    @Test
    void accessForAnotherClassIsIgnored() {
        assertThat(GeneratedAccessors.of(Misnamed.class)).isEmpty();
        assertThat(ModelSchema.build(Misnamed.class, true).generatedConstructor()).isFalse();
    }

    @Test
    void accessThatCannotBeMadeSaysSo() {
        assertThatThrownBy(() -> ModelSchema.build(Broken.class, true))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("GeneratedAccessorsTest_Broken_DynarecordAccess, the code dynarecord-processor generated for")
                .hasMessageContaining("rebuild so the processor writes it again");
    }
}

/** Written as dynarecord-processor writes it. */
final class GeneratedAccessorsTest_Plain_DynarecordAccess implements GeneratedAccess {

    static volatile int made;

    public GeneratedAccessorsTest_Plain_DynarecordAccess() {
    }

    @Override
    public Class<?> type() {
        return GeneratedAccessorsTest.Plain.class;
    }

    @Override
    public int index(String field) {
        return switch (field) {
            case "code" -> 0;
            case "count" -> 1;
            default -> -1;
        };
    }

    @Override
    public Object get(int index, Object instance) {
        GeneratedAccessorsTest.Plain p = (GeneratedAccessorsTest.Plain) instance;
        return switch (index) {
            case 0 -> p.code;
            case 1 -> p.count;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    @Override
    public void set(int index, Object instance, Object value) {
        GeneratedAccessorsTest.Plain p = (GeneratedAccessorsTest.Plain) instance;
        switch (index) {
            case 0 -> p.code = (String) value;
            case 1 -> p.count = (Integer) value;
            default -> throw new IndexOutOfBoundsException(index);
        }
    }

    @Override
    public boolean instantiable() {
        return true;
    }

    @Override
    public Object newInstance() {
        made++;
        return new GeneratedAccessorsTest.Plain();
    }
}

/** A class of the generated name that is not generated access. */
final class GeneratedAccessorsTest_Impostor_DynarecordAccess {
}

/** Access to no field, for the two classes below. */
abstract class NoGeneratedFields implements GeneratedAccess {
    @Override
    public int index(String field) {
        return -1;
    }

    @Override
    public Object get(int index, Object instance) {
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public void set(int index, Object instance, Object value) {
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public boolean instantiable() {
        return false;
    }

    @Override
    public Object newInstance() {
        throw new UnsupportedOperationException();
    }
}

/** Access for another class under this one's generated name. */
final class GeneratedAccessorsTest_Misnamed_DynarecordAccess extends NoGeneratedFields {
    public GeneratedAccessorsTest_Misnamed_DynarecordAccess() {
    }

    @Override
    public Class<?> type() {
        return GeneratedAccessorsTest.Plain.class;
    }
}

/** Generated access whose constructor fails. */
final class GeneratedAccessorsTest_Broken_DynarecordAccess extends NoGeneratedFields {
    public GeneratedAccessorsTest_Broken_DynarecordAccess() {
        throw new IllegalStateException("no");
    }

    @Override
    public Class<?> type() {
        return GeneratedAccessorsTest.Broken.class;
    }
}

/** Generated access whose constructor throws a checked exception, as the processor passes one on. */
final class GeneratedAccessorsTest_Thrower_DynarecordAccess extends NoGeneratedFields {
    public GeneratedAccessorsTest_Thrower_DynarecordAccess() {
    }

    @Override
    public Class<?> type() {
        return GeneratedAccessorsTest.Thrower.class;
    }

    @Override
    public boolean instantiable() {
        return true;
    }

    @Override
    public Object newInstance() {
        throw new java.lang.reflect.UndeclaredThrowableException(new java.io.IOException("disk"));
    }
}
