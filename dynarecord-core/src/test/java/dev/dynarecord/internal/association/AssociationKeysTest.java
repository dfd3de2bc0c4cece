package dev.dynarecord.internal.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.Schemas;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How a record's key is kept in other items: as itself, or as unambiguous text. */
class AssociationKeysTest {

    @Table(name = "simple_keys")
    static class Simple extends Model<Simple> {
        @Field String name;
    }

    @Table(name = "number_range_keys")
    static class Ranged extends Model<Ranged> {
        @HashKey String part;
        @RangeKey long at;
    }

    @Test
    void aHashKeyOnlyModelIsKeptAsItsOwnValue() {
        Simple s = new Simple();
        assertThatThrownBy(() -> AssociationKeys.foreignKeyOf(Schemas.of(Simple.class), s, "Address.user"))
                .isInstanceOf(RecordNotSavedException.class).hasMessageContaining("save it first");
        s.writeAttribute("id", "abc");
        assertThat(AssociationKeys.foreignKeyOf(Schemas.of(Simple.class), s, "x")).isEqualTo("abc");
        assertThat(AssociationKeys.keyOf(Schemas.of(Simple.class), "abc")).isEqualTo(Map.of("id", AttributeValue.fromS("abc")));
    }

    @Test
    void aHashAndRangeKeyIsLengthPrefixedTextThatRoundTripsWhateverItContains() {
        ModelSchema<Ranged> schema = Schemas.of(Ranged.class);
        Ranged r = new Ranged();
        r.part = "a:b7:";
        r.at = 150;
        Object text = AssociationKeys.foreignKeyOf(schema, r, "x");
        assertThat(text).isEqualTo("5:a:b7:150");
        assertThat(AssociationKeys.keyOf(schema, text)).isEqualTo(schema.keyOf(r));
        // numbers as DynamoDB gives them back ("1.50" for 1.5) have one text
        assertThat(AssociationKeys.text(schema, Map.of("part", AttributeValue.fromS("p"), "at", AttributeValue.fromN("1.50"))))
                .isEqualTo(AssociationKeys.text(schema, Map.of("part", AttributeValue.fromS("p"), "at", AttributeValue.fromN("1.5"))));
    }

    @Test
    void textThatIsNotAKeyIsRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> AssociationKeys.key(Schemas.of(Ranged.class), "no-colon"))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("<length of the hash key>");
        assertThatThrownBy(() -> AssociationKeys.key(Schemas.of(Ranged.class), "2:pxy"))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("not a N key part");
    }
}
