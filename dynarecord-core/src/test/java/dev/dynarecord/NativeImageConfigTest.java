package dev.dynarecord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The native-image reachability metadata the core ships names classes that exist, and covers the
 * bookkeeping fields a schema reaches reflectively in every model ({@code Model}'s own).
 */
class NativeImageConfigTest {

    private static final String CONFIG = "/META-INF/native-image/dev.dynarecord/dynarecord-core/reflect-config.json";

    @Test
    void everyEntryNamesAClassAndModelsFieldsAreCovered() throws Exception {
        JsonNode entries;
        try (InputStream in = NativeImageConfigTest.class.getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG).isNotNull();
            entries = new ObjectMapper().readTree(in);
        }
        assertThat(entries.isArray()).isTrue();
        for (JsonNode entry : entries) {
            Class<?> type = Class.forName(entry.get("name").asText());
            assertThat(type).isNotNull();
        }
        JsonNode model = null;
        for (JsonNode entry : entries) {
            if (entry.get("name").asText().equals(Model.class.getName())) {
                model = entry;
            }
        }
        assertThat(model).as("an entry for Model").isNotNull();
        assertThat(model.path("allDeclaredFields").asBoolean()).isTrue();
        assertThat(Arrays.stream(Model.class.getDeclaredFields()).map(java.lang.reflect.Field::getName))
                .contains("id", "createdAt", "updatedAt");
    }
}
