package dev.dynarecord.it.association;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.test.DynarecordTest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** has_many reflects its own creates, removes and destroys while the global index lags behind. */
@DynarecordTest
class ReadYourWritesTest {

    /** A client whose global-index Queries on one table answer from a snapshot of it: an index frozen in the past. */
    static final class LaggingIndex implements InvocationHandler {
        private final DynamoDbClient real;
        private volatile String frozenTable;
        private volatile List<Map<String, AttributeValue>> snapshot = List.of();

        LaggingIndex(DynamoDbClient real) {
            this.real = real;
        }

        void freeze(String table) {
            snapshot = real.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream().toList();
            frozenTable = table;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("query") && args != null && args.length == 1 && args[0] instanceof QueryRequest q
                    && q.indexName() != null && q.tableName().equals(frozenTable)) {
                return stale(q);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private QueryResponse stale(QueryRequest q) {
            String hash = q.indexName().substring(0, q.indexName().indexOf('_'));
            Collection<AttributeValue> values = q.expressionAttributeValues().values();
            List<Map<String, AttributeValue>> items = snapshot.stream()
                    .filter(i -> i.containsKey(hash) && values.contains(i.get(hash))).toList();
            if (q.limit() != null && items.size() > q.limit()) {
                items = items.subList(0, q.limit());
            }
            QueryResponse.Builder out = QueryResponse.builder().count(items.size()).scannedCount(items.size());
            return q.select() == Select.COUNT ? out.build() : out.items(items).build();
        }
    }

    private LaggingIndex index;
    private Session lagging;

    @BeforeEach
    void open(Session session) {
        index = new LaggingIndex(session.client());
        DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, index);
        lagging = Session.open(c -> c.client(client).autoCreateTables(true).namespace(session.config().namespace() + "_lag"));
    }

    @AfterEach
    void close() {
        try {
            lagging.tables().dropAll();
        } finally {
            lagging.close();
        }
    }

    @Test
    void createdChildrenShowBeforeTheIndexHasThem() {
        Member u = Member.find.using(lagging).create(m -> m.name = "U");
        Member empty = Member.find.using(lagging).create(m -> m.name = "E");
        u.addresses.create(x -> x.city = "Old");
        index.freeze(lagging.tableName(Address.class));

        Member loaded = Member.find.using(lagging).byId(u.id());
        Address made = loaded.addresses.create(x -> x.city = "New");
        assertThat(Address.find.using(lagging).where("memberId", u.id()).all()).as("the index lags")
                .extracting(a -> a.city).containsExactly("Old");

        assertThat(loaded.addresses.all()).extracting(a -> a.city).containsExactlyInAnyOrder("Old", "New");
        assertThat(loaded.addresses.count()).isEqualTo(2);
        assertThat(loaded.addresses.exists()).isTrue();

        Member other = Member.find.using(lagging).byId(empty.id());
        Address only = other.addresses.create(x -> x.city = "Only");
        assertThat(other.addresses.first()).containsSame(only);
        assertThat(other.addresses.count()).isEqualTo(1);
        assertThat(other.addresses.exists()).isTrue();
        assertThat(other.addresses.isEmpty()).isFalse();
        assertThat(other.addresses.all()).containsExactly(only);
        assertThat(other.addresses.reload().all()).as("after reload only the index is left").isEmpty();

        Member third = Member.find.using(lagging).byId(empty.id());
        Address built = third.addresses.build(x -> x.city = "Built");
        built.saveOrThrow();
        assertThat(third.addresses.all()).containsExactly(built);
        assertThat(made.member.get()).isSameAs(loaded);
    }

    @Test
    void removedAndDestroyedChildrenHideWhileTheIndexStillHasThem() {
        Member u = Member.find.using(lagging).create(m -> m.name = "U");
        Address a = u.addresses.create(x -> x.city = "A");
        Address b = u.addresses.create(x -> x.city = "B");
        u.addresses.create(x -> x.city = "C");
        Address d = u.addresses.create(x -> x.city = "D");
        index.freeze(lagging.tableName(Address.class));

        Member loaded = Member.find.using(lagging).byId(u.id());
        List<Address> before = loaded.addresses.all();
        loaded.addresses.remove(before.stream().filter(x -> x.id().equals(a.id())).findFirst().orElseThrow());
        loaded.addresses.destroy(before.stream().filter(x -> x.id().equals(b.id())).findFirst().orElseThrow());

        assertThat(Address.find.using(lagging).where("memberId", u.id()).count()).as("the index lags").isEqualTo(4);
        assertThat(loaded.addresses.all()).extracting(x -> x.city).containsExactlyInAnyOrder("C", "D");
        assertThat(loaded.addresses.count()).isEqualTo(2);

        Member fresh = Member.find.using(lagging).byId(u.id());
        fresh.addresses.delete(Address.find.using(lagging).byId(d.id()));
        assertThat(fresh.addresses.all()).extracting(x -> x.city).contains("C").doesNotContain("D");
        assertThat(fresh.addresses.reload().all()).as("a new read: the index again").extracting(x -> x.city).contains("D");
        assertThat(loaded.addresses.all()).extracting(x -> x.city).containsExactlyInAnyOrder("C", "D");
    }
}
