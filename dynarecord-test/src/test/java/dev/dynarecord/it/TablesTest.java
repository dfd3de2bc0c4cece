package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.TableInfo;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.exception.TableNotFoundException;
import dev.dynarecord.test.DynarecordTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@DynarecordTest(global = false)
class TablesTest {

    public static class Widget extends Model<Widget> {
        public static final Finder<Widget> find = finder(Widget.class);
        @Field public String label;
    }

    /** Used by one test only, so its table is created there. */
    public static class FirstUse extends Model<FirstUse> {
        public static final Finder<FirstUse> find = finder(FirstUse.class);
        @Field public String label;
    }

    @Table(name = "sized", readCapacity = 7, writeCapacity = 3)
    public static class Sized extends Model<Sized> {
        @Field public String label;
    }

    @Table(name = "mismatched")
    public static class Mismatched extends Model<Mismatched> {
        @Field public String label;
    }

    @Table(name = "dropped")
    public static class Dropped extends Model<Dropped> {
        @Field public String label;
    }

    private static TableDescription raw(Session session, String table) {
        return session.client().describeTable(r -> r.tableName(table)).table();
    }

    private static List<String> allTables(Session session) {
        return session.client().listTablesPaginator(r -> { }).tableNames().stream().toList();
    }

    @Test
    void tablesAreCreatedOnFirstUse(Session session) {
        String name = session.tableName(FirstUse.class);
        assertThat(name).endsWith("_first_uses");
        assertThat(allTables(session)).doesNotContain(name);
        assertThat(session.tables().exists(FirstUse.class)).isFalse();
        assertThat(session.tables().describe(FirstUse.class)).isEmpty();

        session.find(FirstUse.class).create(w -> w.label = "first");

        assertThat(allTables(session)).contains(name);
        assertThat(session.tables().list()).contains(name);
        assertThat(session.tables().exists(FirstUse.class)).isTrue();
        TableDescription d = raw(session, name);
        assertThat(d.keySchema()).containsExactly(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build());
        assertThat(d.tableStatusAsString()).isEqualTo("ACTIVE");
    }

    @Test
    void createWithDeclaredCapacities(Session session) {
        TableInfo created = session.tables().create(Sized.class);
        TableDescription d = raw(session, session.tableName(Sized.class));
        assertThat(d.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
        assertThat(d.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
        TableInfo described = session.tables().describe(Sized.class).orElseThrow();
        assertThat(described.readCapacity()).isEqualTo(7);
        assertThat(described.writeCapacity()).isEqualTo(3);
        assertThat(described.billingMode()).isEqualTo("PROVISIONED");
        assertThat(described.hashKey()).isEqualTo("id");
        assertThat(described.rangeKey()).isEmpty();
        assertThat(described.name()).isEqualTo(d.tableName()).isEqualTo(created.name());
        // creating again is a no-op on an existing table with the right key
        assertThat(session.tables().create(Sized.class).name()).isEqualTo(d.tableName());
    }

    @Test
    void onDemandSession() {
        Session od = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_od").onDemand());
        try {
            od.find(Widget.class).create(w -> w.label = "od");
            TableDescription d = raw(od, od.tableName(Widget.class));
            assertThat(d.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
            TableInfo info = od.tables().describe(Widget.class).orElseThrow();
            assertThat(info.billingMode()).isEqualTo("PAY_PER_REQUEST");
            assertThat(info.name()).isEqualTo("x_od_widgets");
        } finally {
            try {
                od.tables().dropAll();
            } finally {
                od.close();
            }
        }
    }

    @Test
    void dropAndDropAll(Session session) {
        session.tables().create(Dropped.class);
        assertThat(session.tables().exists(Dropped.class)).isTrue();
        assertThat(session.tables().drop(Dropped.class)).isTrue();
        assertThat(allTables(session)).doesNotContain(session.tableName(Dropped.class));
        assertThat(session.tables().drop(Dropped.class)).isFalse();

        Session other = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_dropall"));
        try {
            other.tables().create(Widget.class);
            other.tables().create(Dropped.class);
            assertThat(other.tables().list()).containsExactly("x_dropall_dropped", "x_dropall_widgets");
            assertThat(other.tables().dropAll()).isEqualTo(2);
            assertThat(allTables(session)).noneMatch(n -> n.startsWith("x_dropall_"));
            assertThat(other.tables().list()).isEmpty();
        } finally {
            other.tables().dropAll();
            other.close();
        }
    }

    @Test
    void dropAllWithoutANamespaceIsRefused(Session session) {
        session.tables().create(Widget.class);
        // this class's tables only: other classes running meanwhile create and drop theirs
        List<String> before = session.tables().list();
        assertThat(before).contains(session.tableName(Widget.class));
        try (Session bare = Session.open(c -> c.adapter(Adapter.LOCAL))) {
            assertThat(bare.config().namespace()).isEmpty();
            assertThatThrownBy(() -> bare.tables().dropAll()).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("namespace");
        }
        assertThat(session.tables().list()).containsAll(before);
    }

    @Test
    void namespaceAndSuffixMakeTheTableName(Session session) {
        try (Session s = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_ns").tableSuffix("v2"))) {
            assertThat(s.config().tableName("widgets")).isEqualTo("x_ns_widgets_v2");
            assertThat(s.tableName(Widget.class)).isEqualTo("x_ns_widgets_v2");
            try {
                s.find(Widget.class).create(w -> w.label = "suffixed");
                assertThat(allTables(session)).contains("x_ns_widgets_v2");
                assertThat(s.tables().list()).contains("x_ns_widgets_v2");
            } finally {
                s.tables().dropAll();
            }
        }
        assertThat(session.tableName(Widget.class)).isEqualTo(session.config().namespace() + "_widgets")
                .startsWith("t");
    }

    @Test
    void anExistingTableWithAnotherKeyIsRefusedAndNotAltered(Session session) {
        String name = session.tableName(Mismatched.class);
        session.client().createTable(CreateTableRequest.builder().tableName(name)
                .keySchema(KeySchemaElement.builder().attributeName("code").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("code").attributeType(ScalarAttributeType.N).build())
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(1L).build())
                .build());
        try {
            assertThatThrownBy(() -> session.find(Mismatched.class).create(m -> m.label = "x"))
                    .isInstanceOf(ModelDefinitionException.class)
                    .hasMessageContaining(name).hasMessageContaining("Mismatched").hasMessageContaining("code");
            assertThatThrownBy(() -> session.tables().create(Mismatched.class)).isInstanceOf(ModelDefinitionException.class);
            TableDescription d = raw(session, name);
            assertThat(d.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("code");
            assertThat(d.itemCount()).isZero();
        } finally {
            session.client().deleteTable(DeleteTableRequest.builder().tableName(name).build());
        }
    }

    @Test
    void missingTableWithoutAutoCreate(Session session) {
        try (Session s = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_noauto").autoCreateTables(false))) {
            assertThatThrownBy(() -> s.find(Widget.class).byId("w1")).isInstanceOf(TableNotFoundException.class)
                    .hasMessageContaining("x_noauto_widgets");
            assertThatThrownBy(() -> s.find(Widget.class).create(w -> w.label = "x")).isInstanceOf(TableNotFoundException.class)
                    .hasMessageContaining("x_noauto_widgets");
            assertThat(allTables(session)).doesNotContain("x_noauto_widgets");
        }
    }
}
