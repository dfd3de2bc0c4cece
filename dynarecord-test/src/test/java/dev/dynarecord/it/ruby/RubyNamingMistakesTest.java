package dev.dynarecord.it.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import dev.dynarecord.types.TimeFormat;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Mistakes in naming options: named exceptions that say what to change, before any request. */
@DynarecordTest(global = false)
class RubyNamingMistakesTest {

    @Table(naming = AttributeNaming.SNAKE_CASE)
    public static class TwoUserIds extends Model<TwoUserIds> {
        @Field public String userId;
        @Field public String user_id;
    }

    @Table(createdAt = "stamp", updatedAt = "stamp")
    public static class OneStamp extends Model<OneStamp> {
        @Field public String name;
    }

    @Table(naming = AttributeNaming.SNAKE_CASE)
    public static class ShadowsCreatedAt extends Model<ShadowsCreatedAt> {
        @Field(name = "created_at") public String createdOn;
    }

    @Table(timestamps = false, createdAt = "created_at")
    public static class NoTimestamps extends Model<NoTimestamps> {
        @Field public String name;
    }

    @Table(timestampFormat = {TimeFormat.ISO_8601, TimeFormat.EPOCH_SECONDS})
    public static class TwoFormats extends Model<TwoFormats> {
        @Field public String name;
    }

    @Test
    void twoFieldsNamedAlikeBySnakeCase(Session session, RequestRecorder recorder) {
        assertThatThrownBy(() -> session.find(TwoUserIds.class).exists("x"))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("maps both 'userId' and 'user_id' to the attribute 'user_id' (with SNAKE_CASE naming)")
                .hasMessageContaining("@Field(name = ...)");
        assertThat(recorder.summary()).isEmpty();
    }

    @Test
    void timestampNameMistakes(Session session, RequestRecorder recorder) {
        assertThatThrownBy(() -> session.find(OneStamp.class).exists("x"))
                .isInstanceOf(ModelDefinitionException.class).hasMessageContaining("names both timestamps 'stamp'");
        assertThatThrownBy(() -> session.find(ShadowsCreatedAt.class).exists("x"))
                .isInstanceOf(ModelDefinitionException.class).hasMessageContaining("declares 'created_at', which Dynarecord keeps");
        assertThatThrownBy(() -> session.find(NoTimestamps.class).exists("x"))
                .isInstanceOf(ModelDefinitionException.class).hasMessageContaining("@Table(timestamps = false)");
        assertThatThrownBy(() -> session.find(TwoFormats.class).exists("x"))
                .isInstanceOf(ModelDefinitionException.class).hasMessageContaining("give one format");
        assertThat(recorder.summary()).isEmpty();
    }

    @Test
    void unknownNamingInTheEnvironmentOrProperties() {
        assertThatThrownBy(() -> Config.builder().fromEnvironment(Map.of("DYNARECORD_ATTRIBUTE_NAMING", "kebab-case")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DYNARECORD_ATTRIBUTE_NAMING has the value 'kebab-case'")
                .hasMessageContaining("SNAKE_CASE");
        Properties p = new Properties();
        p.setProperty("dynarecord.timestampFormat", "unix");
        assertThatThrownBy(() -> Config.builder().fromProperties(p))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dynarecord.timestampFormat has the value 'unix'").hasMessageContaining("EPOCH_SECONDS");
        assertThatThrownBy(() -> Config.builder().attributeNaming(AttributeNaming.CONFIGURED))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("FIELD_NAMES or SNAKE_CASE");
    }

    @Test
    void namingOptionsAreReadFromTheEnvironment() {
        Config config = Config.builder().fromEnvironment(Map.of("DYNARECORD_ATTRIBUTE_NAMING", "snake_case",
                "DYNARECORD_TIMESTAMP_FORMAT", "epoch-seconds")).build();
        assertThat(config.attributeNaming()).isEqualTo(AttributeNaming.SNAKE_CASE);
        assertThat(config.timestampFormat()).isEqualTo(TimeFormat.EPOCH_SECONDS);
        assertThat(config.toString()).contains("attributeNaming=SNAKE_CASE", "timestampFormat=EPOCH_SECONDS");
    }

    @Test
    void snakeCaseOfFieldNames() {
        assertThat(AttributeNaming.SNAKE_CASE.attributeName("userId")).isEqualTo("user_id");
        assertThat(AttributeNaming.SNAKE_CASE.attributeName("htmlURL")).isEqualTo("html_url");
        assertThat(AttributeNaming.SNAKE_CASE.attributeName("URLPath")).isEqualTo("url_path");
        assertThat(AttributeNaming.SNAKE_CASE.attributeName("line2Text")).isEqualTo("line2_text");
        assertThat(AttributeNaming.SNAKE_CASE.attributeName("already_snake")).isEqualTo("already_snake");
        assertThat(AttributeNaming.SNAKE_CASE.attributeName("id")).isEqualTo("id");
        assertThat(AttributeNaming.FIELD_NAMES.attributeName("userId")).isEqualTo("userId");
    }
}
