package dev.dynarecord.processor;

import static dev.dynarecord.processor.TestCompiler.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.spi.GeneratedAccess;
import dev.dynarecord.spi.ItemFields;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.AttributeType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The records a model holds, embedded documents: which get generated code, and what it does. */
class DocumentRecordsTest {

    private static final String ORDER = """
            package com.example;

            import dev.dynarecord.Model;
            import java.util.List;
            import java.util.Map;

            public class Order extends Model<Order> {
                public Address shipTo;
                public List<Line> lines;
                public Map<String, Address> others;
                String unrelated;
                record Hidden(String x) {
                }
                private Hidden hidden;
                public Box<String> box;
                public Tags tags;
                public Old old;
            }
            """;

    private static final String ADDRESS = """
            package com.example;

            public record Address(String street, int number) {
            }
            """;

    private static final String LINE = """
            package com.example;

            public record Line(String sku, Price price) {
                public record Price(long cents, boolean taxed) {
                }
            }
            """;

    private static final String BOX = """
            package com.example;

            public record Box<T>(T value) {
            }
            """;

    private static final String TAGS = """
            package com.example;

            import java.util.List;

            public record Tags(List<String> values) {
                public List<String> values() {
                    return values == null ? List.of() : values;
                }
            }
            """;

    private static final String OLD = """
            package com.example;

            public record Old(String name) {
                @Deprecated
                public Old {
                }
            }
            """;

    private static final String LOOSE = """
            package com.example;

            public record Loose(String nobody) {
            }
            """;

    private static TestCompiler.Result result;

    @BeforeAll
    static void compile(@TempDir Path directory) {
        result = TestCompiler.in(directory).compileClean(sources("com/example/Order.java", ORDER, "com/example/Address.java",
                ADDRESS, "com/example/Line.java", LINE, "com/example/Box.java", BOX, "com/example/Loose.java", LOOSE, "com/example/Tags.java", TAGS,
                "com/example/Old.java", OLD));
    }

    @Test
    void servesTheRecordsAModelHoldsThroughItsFieldsTypeArgumentsAndOtherRecords() {
        assertThat(result.generatedSources()).containsExactly("com/example/Address_DynarecordAccess.java",
                "com/example/Line_DynarecordAccess.java", "com/example/Line_Price_DynarecordAccess.java",
                "com/example/Old_DynarecordAccess.java", "com/example/Order_DynarecordAccess.java",
                "com/example/Order_Hidden_DynarecordAccess.java", "com/example/Tags_DynarecordAccess.java");
        // Box is generic and Loose held by no model: method handles serve them; Old's deprecated constructor is
        // called without a warning (compiled with -Werror)
    }

    @Test
    void readsComponentsByTheirAccessorsAndRefusesToSetThem() {
        GeneratedAccess access = result.access("com.example.Address");
        assertThat(access.readsDocuments()).isTrue();
        assertThat(access.mapsItems()).isFalse();
        assertThat(access.instantiable()).isFalse();
        assertThat(access.index("street")).isZero();
        assertThat(access.index("number")).isEqualTo(1);
        Object address = access.readDocument(Map.of("st", AttributeValue.fromS("Main"), "no", AttributeValue.fromN("7")), FIELDS);
        assertThat(address).hasToString("Address[street=Main, number=7]");
        assertThat(access.get(1, address)).isEqualTo(7);
        assertThatThrownBy(() -> access.set(0, address, "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsAComponentByTheAccessorTheRecordDeclares() {
        GeneratedAccess access = result.access("com.example.Tags");
        Object tags = access.readDocument(Map.of(), FIELDS);
        assertThat(access.get(0, tags)).isEqualTo(List.of());
    }

    @Test
    void givesNullForAnAbsentOrNullEntryAndZeroToAPrimitive() {
        GeneratedAccess access = result.access("com.example.Address");
        assertThat(access.readDocument(Map.of("st", AttributeValue.fromNul(true)), FIELDS)).hasToString("Address[street=null, number=0]");
    }

    @Test
    void writesTheComponentsThatAreNotNull() {
        GeneratedAccess access = result.access("com.example.Address");
        Object address = access.readDocument(Map.of("no", AttributeValue.fromN("3")), FIELDS);
        Map<String, AttributeValue> map = new HashMap<>();
        access.writeItem(address, map, FIELDS);
        assertThat(map).containsOnly(Map.entry("no", AttributeValue.fromN("3")));
    }

    @Test
    void aValueOfAnotherTypeIsAClassCastForTheSchemaToReport() {
        GeneratedAccess access = result.access("com.example.Address");
        assertThatThrownBy(() -> access.readDocument(Map.of("st", AttributeValue.fromN("1")), FIELDS))
                .isInstanceOf(ClassCastException.class);
    }

    /** street as "st" (S), number as "no" (N); a number read as text stays a String, which the record refuses. */
    private static final ItemFields FIELDS = new ItemFields() {
        private final List<String> names = List.of("st", "no");

        @Override
        public String attribute(int index) {
            return names.get(index);
        }

        @Override
        public AttributeConverter<Object> converter(int index) {
            Function<AttributeValue, Object> read = index == 0 ? v -> v.s() != null ? v.s() : Integer.valueOf(v.n())
                    : v -> Integer.valueOf(v.n());
            return new AttributeConverter<>() {
                @Override
                public AttributeType attributeType() {
                    return index == 0 ? AttributeType.S : AttributeType.N;
                }

                @Override
                public AttributeValue toAttributeValue(Object value) {
                    return index == 0 ? AttributeValue.fromS((String) value) : AttributeValue.fromN(value.toString());
                }

                @Override
                public Object fromAttributeValue(AttributeValue value) {
                    return read.apply(value);
                }
            };
        }

        @Override
        public boolean direct(int index) {
            return true;
        }

        @Override
        public void read(int index, Object instance, AttributeValue value) {
            throw new AssertionError("records are not read field by field");
        }

        @Override
        public AttributeValue write(int index, Object value) {
            throw new AssertionError("direct");
        }
    };
}
