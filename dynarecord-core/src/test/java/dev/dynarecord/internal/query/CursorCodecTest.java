package dev.dynarecord.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.exception.InvalidCursorException;
import dev.dynarecord.internal.condition.Conditions;
import dev.dynarecord.internal.query.QueryPlanner;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.TestSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Cursors whose checksum was recomputed by hand still cannot carry malformed positions. */
class CursorCodecTest {

    static class Row extends Model<Row> {
        @HashKey String part;
        @RangeKey int n;
        @Field String payload;
    }

    private static final ModelSchema<?> SCHEMA = schema();
    private static final Plan PLAN = QueryPlanner.plan(SCHEMA, "rows", List.of(Conditions.parse(SCHEMA, "part", "p")), null,
            null, false, List.of());
    private static final List<String> KEYS = List.of("part", "n");

    private static ModelSchema<?> schema() {
        return TestSchemas.of(Row.class);
    }

    private static List<Map<String, AttributeValue>> one(Map<String, AttributeValue> position) {
        List<Map<String, AttributeValue>> list = new ArrayList<>();
        list.add(position);
        return list;
    }

    @Test
    void aCursorReadsBackItsPositions() {
        Map<String, AttributeValue> p = Map.of("part", AttributeValue.fromS("p"), "n", AttributeValue.fromN("7"));
        String cursor = CursorCodec.encode(PLAN, "Row", one(p));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(CursorCodec.decode(cursor, PLAN, "Row", KEYS)).containsExactly(p);
    }

    @Test
    void wellSignedButMalformedPositionsAreRefused() {
        String notANumber = CursorCodec.encode(PLAN, "Row", one(Map.of("part", AttributeValue.fromS("p"), "n", AttributeValue.fromN("x"))));
        assertThatThrownBy(() -> CursorCodec.decode(notANumber, PLAN, "Row", KEYS)).isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("not a number");
        String empty = CursorCodec.encode(PLAN, "Row", one(Map.of()));
        assertThatThrownBy(() -> CursorCodec.decode(empty, PLAN, "Row", KEYS)).isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("position is empty");
        String otherPartition = CursorCodec.encode(PLAN, "Row", one(Map.of("part", AttributeValue.fromS("q"), "n", AttributeValue.fromN("1"))));
        assertThatThrownBy(() -> CursorCodec.decode(otherPartition, PLAN, "Row", KEYS)).isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("outside the queried part");
        String otherKeys = CursorCodec.encode(PLAN, "Row", one(Map.of("part", AttributeValue.fromS("p"), "payload", AttributeValue.fromS("x"))));
        assertThatThrownBy(() -> CursorCodec.decode(otherKeys, PLAN, "Row", KEYS)).isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("not this query's");
    }
}
