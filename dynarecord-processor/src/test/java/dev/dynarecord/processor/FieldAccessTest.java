package dev.dynarecord.processor;

import static dev.dynarecord.processor.TestCompiler.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.spi.GeneratedAccess;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fields a generated class covers, and how it reads and writes them. */
class FieldAccessTest {

    private static final String PERSON = """
            package com.example;

            import dev.dynarecord.Model;
            import java.util.List;
            import java.util.Map;

            public class Person extends Model<Person> {
                public String name;
                public int age;
                public boolean active;
                public double score;
                public long visits;
                public List<String> tags;
                public Map<String, Integer> counts;
                public Color color;
                public String[] aliases;
                public byte[] avatar;
                public Object anything;
                int packagePrivate;
                protected String protectedName;
                transient String cache;
                private String secret;
                public final String constant = "c";
                public static String shared;
            }
            """;

    private static final String COLOR = """
            package com.example;

            enum Color { RED, GREEN }
            """;

    /** The covered fields, in declaration order: their indexes. */
    private static final List<String> COVERED = List.of("name", "age", "active", "score", "visits", "tags", "counts", "color",
            "aliases", "avatar", "anything", "packagePrivate", "protectedName", "cache");

    private static TestCompiler.Result result;
    private static GeneratedAccess access;

    @BeforeAll
    static void compile(@TempDir Path directory) {
        result = TestCompiler.in(directory).compileClean(sources("com/example/Person.java", PERSON, "com/example/Color.java", COLOR));
        access = result.access("com.example.Person");
    }

    @Test
    void servesTheModelClass() {
        assertThat(access.type()).isSameAs(result.type("com.example.Person"));
        assertThat(result.generatedSources()).containsExactly("com/example/Person_DynarecordAccess.java");
    }

    @Test
    void indexesTheAccessibleFieldsInDeclarationOrder() {
        for (int i = 0; i < COVERED.size(); i++) {
            assertThat(access.index(COVERED.get(i))).as(COVERED.get(i)).isEqualTo(i);
        }
    }

    @Test
    void leavesOutPrivateFinalAndStaticFieldsAndInheritedOnes() {
        assertThat(access.index("secret")).isEqualTo(-1);
        assertThat(access.index("constant")).isEqualTo(-1);
        assertThat(access.index("shared")).isEqualTo(-1);
        assertThat(access.index("id")).as("Model's own, private").isEqualTo(-1);
        assertThat(access.index("nothing")).isEqualTo(-1);
    }

    @Test
    void writesAndReadsEachFieldItself() throws ReflectiveOperationException {
        Object color = result.type("com.example.Color").getEnumConstants()[1];
        Map<String, Object> values = Map.ofEntries(
                Map.entry("name", "Ada"), Map.entry("age", 36), Map.entry("active", true), Map.entry("score", 2.5),
                Map.entry("visits", 1L << 40), Map.entry("tags", List.of("a", "b")), Map.entry("counts", Map.of("x", 1)),
                Map.entry("color", color), Map.entry("aliases", new String[] {"A"}), Map.entry("avatar", new byte[] {1, 2}),
                Map.entry("anything", new StringBuilder("any")), Map.entry("packagePrivate", 7),
                Map.entry("protectedName", "p"), Map.entry("cache", "c"));
        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(COVERED);
        Object person = access.newInstance();
        for (String name : COVERED) {
            access.set(access.index(name), person, values.get(name));
        }
        for (String name : COVERED) {
            Field field = result.type("com.example.Person").getDeclaredField(name);
            field.setAccessible(true);
            assertThat(field.get(person)).as(name).isEqualTo(values.get(name));
            Object read = access.get(access.index(name), person);
            assertThat(read).as(name).isEqualTo(values.get(name));
            if (!field.getType().isPrimitive()) {
                assertThat(read).as(name).isSameAs(values.get(name));
            }
        }
    }

    @Test
    void readsWhatReflectionWrote() throws ReflectiveOperationException {
        Object person = access.newInstance();
        Class<?> type = result.type("com.example.Person");
        type.getField("name").set(person, "Grace");
        type.getField("age").setInt(person, 85);
        type.getField("score").setDouble(person, 0.5);
        assertThat(access.get(access.index("name"), person)).isEqualTo("Grace");
        assertThat(access.get(access.index("age"), person)).isEqualTo(85);
        assertThat(access.get(access.index("score"), person)).isEqualTo(0.5);
        assertThat(access.get(access.index("active"), person)).isEqualTo(false);
    }

    @Test
    void boxesPrimitivesAndTakesTheirBoxedValues() throws ReflectiveOperationException {
        Object person = access.newInstance();
        access.set(access.index("age"), person, Integer.valueOf(41));
        access.set(access.index("active"), person, Boolean.TRUE);
        assertThat(result.type("com.example.Person").getField("age").getInt(person)).isEqualTo(41);
        assertThat(access.get(access.index("age"), person)).isInstanceOf(Integer.class).isEqualTo(41);
        assertThat(access.get(access.index("active"), person)).isInstanceOf(Boolean.class).isEqualTo(true);
        assertThat(access.get(access.index("visits"), person)).isInstanceOf(Long.class).isEqualTo(0L);
    }

    @Test
    void refusesAValueOfAnotherType() {
        Object person = access.newInstance();
        assertThatThrownBy(() -> access.set(access.index("name"), person, 42)).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> access.set(access.index("age"), person, 42L)).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> access.set(access.index("age"), person, "42")).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> access.set(access.index("avatar"), person, new int[0])).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> access.set(access.index("tags"), person, Map.of())).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> access.set(access.index("age"), person, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void refusesAnInstanceOfAnotherClass() {
        assertThatThrownBy(() -> access.get(0, "not a person")).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> access.set(0, new Object(), "x")).isInstanceOf(ClassCastException.class);
    }

    @Test
    void refusesAnIndexOutOfRange() {
        Object person = access.newInstance();
        assertThatThrownBy(() -> access.get(COVERED.size(), person)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("com.example.Person").hasMessageContaining(String.valueOf(COVERED.size()));
        assertThatThrownBy(() -> access.get(-1, person)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> access.set(COVERED.size(), person, "x")).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void makesNewInstancesWithTheNoArgConstructor() {
        Object one = access.newInstance();
        assertThat(access.instantiable()).isTrue();
        assertThat(one).isExactlyInstanceOf(result.type("com.example.Person"));
        assertThat(access.newInstance()).isNotSameAs(one);
        assertThat(access.get(access.index("name"), one)).isNull();
    }
}
