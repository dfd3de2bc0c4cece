package dev.dynarecord.processor;

import static dev.dynarecord.processor.TestCompiler.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.spi.GeneratedAccess;
import dev.dynarecord.spi.ItemFields;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.AttributeType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The generated {@code readItem} and {@code writeItem}: each stored field through its converter,
 * under the attribute name the schema gives, and everything else left to the schema.
 */
class ItemCodeTest {

    private static final String NOTE = """
            package com.example;

            import dev.dynarecord.Model;
            import java.util.List;

            public class Note extends Model<Note> {
                public String title;
                public int stars;
                public List<String> tags;
                public Object extra;
                public String unstored;
            }
            """;

    private static final int TITLE = 0;
    private static final int STARS = 1;
    private static final int TAGS = 2;
    private static final int EXTRA = 3;
    private static final int UNSTORED = 4;

    private static TestCompiler.Result result;
    private static GeneratedAccess access;

    @BeforeAll
    static void compile(@TempDir Path directory) {
        result = TestCompiler.in(directory).compileClean(sources("com/example/Note.java", NOTE));
        access = result.access("com.example.Note");
    }

    @Test
    void saysItMapsItems() {
        assertThat(access.mapsItems()).isTrue();
    }

    @Test
    void readsEachStoredFieldThroughItsConverterUnderTheSchemasName() {
        Fields fields = new Fields();
        Object note = access.newInstance();
        access.set(UNSTORED, note, "kept");
        access.readItem(note, Map.of("note_title", s("Hello"), "note_stars", n("4"), "note_tags", list("a", "b"),
                "note_extra", s("x"), "unstored", s("ignored")), fields);
        assertThat(access.get(TITLE, note)).isEqualTo("Hello");
        assertThat(access.get(STARS, note)).isEqualTo(4);
        assertThat(access.get(TAGS, note)).isEqualTo(List.of("a", "b"));
        assertThat(access.get(EXTRA, note)).isEqualTo("x");
        assertThat(access.get(UNSTORED, note)).as("a field the schema does not store").isEqualTo("kept");
        assertThat(fields.calls).as("nothing left to the schema").isEmpty();
    }

    @Test
    void leavesAnAbsentOrNullAttributeToTheSchema() {
        Fields fields = new Fields();
        Object note = access.newInstance();
        AttributeValue nul = AttributeValue.fromNul(true);
        access.readItem(note, Map.of("note_title", nul), fields);
        assertThat(fields.calls).containsExactly("read 0 " + nul, "read 1 null", "read 2 null", "read 3 null");
    }

    @Test
    void leavesAValueOfAnotherTypeToTheSchemaAndTakesNullOnlyIntoAReference() {
        Fields fields = new Fields();
        fields.reader(STARS, v -> (short) 3); // a Short into an int field: the schema widens it
        fields.reader(TITLE, v -> null);
        Object note = access.newInstance();
        access.set(TITLE, note, "before");
        access.readItem(note, Map.of("note_title", s("t"), "note_stars", n("3"), "note_tags", list(), "note_extra", s("e")),
                fields);
        assertThat(access.get(TITLE, note)).isNull();
        assertThat(fields.calls).containsExactly("read 1 " + n("3"));
        fields.calls.clear();
        fields.reader(STARS, v -> null);
        access.readItem(note, Map.of("note_title", s("t"), "note_stars", n("3"), "note_tags", list(), "note_extra", s("e")),
                fields);
        assertThat(fields.calls).as("null into a primitive: the schema stores its zero").containsExactly("read 1 " + n("3"));
    }

    @Test
    void writesEachStoredFieldThatIsNotNull() {
        Fields fields = new Fields();
        Object note = access.newInstance();
        access.set(TITLE, note, "Hi");
        access.set(UNSTORED, note, "not stored");
        Map<String, AttributeValue> item = new HashMap<>();
        access.writeItem(note, item, fields);
        assertThat(item).containsOnly(Map.entry("note_title", s("Hi")), Map.entry("note_stars", n("0")));
        assertThat(fields.calls).isEmpty();
    }

    @Test
    void leavesAFieldTheSchemaChecksToItAndDropsWhatConvertsToNothing() {
        Fields fields = new Fields();
        Object note = access.newInstance();
        access.set(TAGS, note, List.of("a"));
        access.set(EXTRA, note, "");
        fields.writer(EXTRA, v -> null);
        Map<String, AttributeValue> item = new HashMap<>();
        access.writeItem(note, item, fields);
        assertThat(item).containsOnly(Map.entry("note_stars", n("0")), Map.entry("note_tags", list("a")));
        assertThat(fields.calls).containsExactly("write 2 [a]");
    }

    @Test
    void letsAConvertersFailureThroughAsItIs() {
        Fields fields = new Fields();
        fields.reader(STARS, v -> {
            throw new NumberFormatException("bad " + v.n());
        });
        assertThatThrownBy(() -> access.readItem(access.newInstance(), Map.of("note_stars", n("x")), fields))
                .isInstanceOf(NumberFormatException.class).hasMessage("bad x");
    }

    private static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    private static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    private static AttributeValue list(String... items) {
        return AttributeValue.fromL(java.util.Arrays.stream(items).map(AttributeValue::fromS).toList());
    }

    /** A schema in miniature: attribute names with a prefix, converters that can be swapped, and a log of what is left to it. */
    private static final class Fields implements ItemFields {
        final List<String> calls = new ArrayList<>();
        private final Map<Integer, Function<AttributeValue, Object>> readers = new HashMap<>(Map.of(
                TITLE, AttributeValue::s, STARS, v -> Integer.valueOf(v.n()),
                TAGS, v -> v.l().stream().map(AttributeValue::s).toList(), EXTRA, AttributeValue::s));
        private final Map<Integer, Function<Object, AttributeValue>> writers = new HashMap<>(Map.of(
                TITLE, v -> s((String) v), STARS, v -> n(v.toString()), EXTRA, v -> s(v.toString())));

        void reader(int index, Function<AttributeValue, Object> reader) {
            readers.put(index, reader);
        }

        void writer(int index, Function<Object, AttributeValue> writer) {
            writers.put(index, writer);
        }

        @Override
        public String attribute(int index) {
            return index == UNSTORED ? null : "note_" + List.of("title", "stars", "tags", "extra").get(index);
        }

        @Override
        public AttributeConverter<Object> converter(int index) {
            return new AttributeConverter<>() {
                @Override
                public AttributeType attributeType() {
                    return AttributeType.S;
                }

                @Override
                public AttributeValue toAttributeValue(Object value) {
                    return writers.get(index).apply(value);
                }

                @Override
                public Object fromAttributeValue(AttributeValue value) {
                    return readers.get(index).apply(value);
                }
            };
        }

        @Override
        public boolean direct(int index) {
            return index != TAGS;
        }

        @Override
        public void read(int index, Object instance, AttributeValue value) {
            calls.add("read " + index + " " + value);
        }

        @Override
        public AttributeValue write(int index, Object value) {
            calls.add("write " + index + " " + value);
            @SuppressWarnings("unchecked")
            List<String> tags = (List<String>) value;
            return list(tags.toArray(String[]::new));
        }
    }
}
