package dev.dynarecord.it.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Partitioning;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.it.FaultySessions;
import dev.dynarecord.test.DynarecordTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which models can be partitioned, said when the model is first used (nothing sent), and the
 * session's switch: {@code Config.partitioning(true)} partitions every model that does not say
 * otherwise.
 */
@DynarecordTest(global = false)
class PartitionedModelsTest {

    @Table(name = "p_ranged", partitioning = Partitioning.ON, rangeKey = "at")
    public static class Ranged extends Model<Ranged> {
        public static final Finder<Ranged> find = finder(Ranged.class);
        @Field public String at;
    }

    @Table(name = "p_numbered", partitioning = Partitioning.ON)
    public static class Numbered extends Model<Numbered> {
        public static final Finder<Numbered> find = finder(Numbered.class);
        @HashKey public Long number;
    }

    @Table(name = "p_unlocked", partitioning = Partitioning.ON, locking = false)
    public static class Unlocked extends Model<Unlocked> {
        public static final Finder<Unlocked> find = finder(Unlocked.class);
        @Field public String title;
    }

    @Table(name = "p_huge", partitioning = Partitioning.ON, partitionSize = 5000)
    public static class Huge extends Model<Huge> {
        public static final Finder<Huge> find = finder(Huge.class);
        @Field public String title;
    }

    /** Follows the session. */
    @Table(name = "p_plain")
    public static class Plain extends Model<Plain> {
        public static final Finder<Plain> find = finder(Plain.class);
        @Field public String title;
    }

    /** Never partitioned. */
    @Table(name = "p_never", partitioning = Partitioning.OFF)
    public static class Never extends Model<Never> {
        public static final Finder<Never> find = finder(Never.class);
        @Field public String title;
    }

    private final Session session;

    PartitionedModelsTest(Session session) {
        this.session = session;
    }

    @Test
    void aModelThatCannotBePartitionedSoundlyIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> session.find(Ranged.class).byIdOptional("x", "y")).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("has a range key").hasMessageContaining("Partitioning.OFF");
        assertThatThrownBy(() -> session.find(Numbered.class).byIdOptional(1L)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("not a generated String or UUID key");
        assertThatThrownBy(() -> new Unlocked().using(session).save()).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("optimistic locking is off").hasMessageContaining("@Table(locking = false)");
        assertThatThrownBy(() -> session.find(Huge.class).byIdOptional("x")).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("partitionSize = 5000").hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> Config.builder().partitionSize(1001)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> Config.builder().partitionSize(0)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void theSessionsSwitchPartitionsEveryModelThatDoesNotSayOtherwise() {
        Session partitioned = Session.open(c -> c.client(session.client()).autoCreateTables(true)
                .namespace(session.config().namespace() + "_all").partitioning(true).partitionSize(3));
        try {
            Plain p = new Plain().using(partitioned);
            p.title = "spread";
            p.saveOrThrow();
            Never n = new Never().using(partitioned);
            n.title = "whole";
            n.saveOrThrow();
            List<Map<String, AttributeValue>> plain = FaultySessions.items(session, partitioned.tableName(Plain.class));
            assertThat(plain).singleElement().satisfies(i -> assertThat(i.get("id").s()).matches(p.id() + "\\.[0-2]"));
            assertThat(FaultySessions.items(session, partitioned.tableName(Never.class))).singleElement()
                    .satisfies(i -> assertThat(i.get("id").s()).isEqualTo(n.id()));
            assertThat(partitioned.find(Plain.class).byId(p.id()).title).isEqualTo("spread");
            assertThat(partitioned.config().toString()).contains("partitioning=true, partitionSize=3");
        } finally {
            FaultySessions.close(partitioned);
        }
    }
}
