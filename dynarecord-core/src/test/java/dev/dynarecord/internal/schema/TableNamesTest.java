package dev.dynarecord.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ModelDefinitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "User, users",
        "OrderLine, order_lines",
        "Category, categories",
        "Box, boxes",
        "Day, days",
        "Key, keys",
        "Address, addresses",
        "Church, churches",
        "Dish, dishes",
        "HTTPRequest, http_requests",
        "Item2Tag, item2_tags",
    })
    void deriveIsSnakeCasePlural(String className, String tableName) {
        assertThat(TableNames.derive(className)).isEqualTo(tableName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "users", "my-app.users_v2", "A.B", "UPPER_lower-09"})
    void checkAcceptsDynamoDbNames(String name) {
        assertThatCode(() -> TableNames.check(name, "User")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "a b", "users!", "tab\tle", "ünïcode"})
    void checkRefusesInvalidNamesNamingModelNameAndRule(String name) {
        assertThatThrownBy(() -> TableNames.check(name, "User"))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("User's table name '" + name + "'")
                .hasMessageContaining("3 to 255 characters of letters, digits, '_', '-' and '.'");
    }

    @org.junit.jupiter.api.Test
    void lengthLimitIs255() {
        assertThatCode(() -> TableNames.check("a".repeat(255), "User")).doesNotThrowAnyException();
        assertThatThrownBy(() -> TableNames.check("a".repeat(256), "User")).isInstanceOf(ModelDefinitionException.class);
    }

    @Table(name = "ab")
    static class ShortTableName extends Model<ShortTableName> {
    }

    @org.junit.jupiter.api.Test
    void aModelsOwnNameIsCheckedForItsCharactersTheFullNameForItsLength() {
        // "ab" may be the name of a table in a namespace ("app_ab"): only the full name must be 3 to 255 characters
        assertThat(ModelSchema.build(ShortTableName.class, TestSchemas.BASE).tableBaseName()).isEqualTo("ab");
        assertThatCode(() -> TableNames.checkBase("ab", "User")).doesNotThrowAnyException();
        assertThatCode(() -> TableNames.checkBase("a".repeat(255), "User")).doesNotThrowAnyException();
        assertThatThrownBy(() -> TableNames.checkBase("a b", "User")).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("'a b'");
        assertThatThrownBy(() -> TableNames.checkBase("a".repeat(256), "User")).isInstanceOf(ModelDefinitionException.class);
    }
}
