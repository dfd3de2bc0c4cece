package dev.dynarecord.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.types.Converters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Document converters are built once per document class and session, and shared by the models embedding them. */
class DocumentsTest {

    record Spot(String city, int floor) {
    }

    public static class Office extends Model<Office> {
        @Field Spot spot;
    }

    public static class Visit extends Model<Visit> {
        @Field List<Spot> spots;
    }

    @Test
    void oneConverterPerDocumentClassAndSession() {
        SchemaSet session = new SchemaSet(TestSchemas.BASE, Map.of(), SessionConventions.DEFAULT);
        AttributeSchema spot = session.schema(Office.class).attributeOrThrow("spot");
        AttributeSchema spots = session.schema(Visit.class).attributeOrThrow("spots");
        assertThat(spot.converter()).isInstanceOf(DocumentConverter.class);
        assertThat(Converters.elementConverter(spots.converter())).isSameAs(spot.converter());

        SchemaSet other = new SchemaSet(TestSchemas.BASE, Map.of(), SessionConventions.DEFAULT);
        assertThat(other.schema(Office.class).attributeOrThrow("spot").converter()).isNotSameAs(spot.converter());
    }

    @Test
    void aModelsStructureTakesNoDocumentConverter() {
        assertThat(Schemas.structure(Office.class).attributeOrThrow("spot").converter()).isInstanceOf(Binding.Unbound.class);
    }
}
