package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Key;
import dev.dynarecord.Session;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.ItemTooLargeException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.exception.RecordNotUniqueException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A refused write names its real cause on an engine that ignores {@code ReturnValuesOnConditionCheckFailure}
 * (as dynalite does): the client here drops the flag and never returns the refused item.
 */
@DynarecordTest
class RefusedWritesWithoutOldItemTest {

    private final RequestRecorder recorder = new RequestRecorder();
    private Session plain;
    private Finder<Player> players;

    @BeforeEach
    void open(Session session) {
        DynamoDbClient real = session.client();
        DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    Object[] sent = args;
                    if (args != null && args.length == 1 && args[0] instanceof UpdateItemRequest u) {
                        sent = new Object[] {u.toBuilder().returnValuesOnConditionCheckFailure((String) null).build()};
                    } else if (args != null && args.length == 1 && args[0] instanceof PutItemRequest p) {
                        sent = new Object[] {p.toBuilder().returnValuesOnConditionCheckFailure((String) null).build()};
                    } else if (args != null && args.length == 1 && args[0] instanceof DeleteItemRequest d) {
                        sent = new Object[] {d.toBuilder().returnValuesOnConditionCheckFailure((String) null).build()};
                    }
                    try {
                        return method.invoke(real, sent);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof ConditionalCheckFailedException c) {
                            // The refusal without the item, whatever was asked for.
                            throw ConditionalCheckFailedException.builder().message(c.getMessage())
                                    .awsErrorDetails(c.awsErrorDetails()).statusCode(c.statusCode()).build();
                        }
                        throw e.getCause();
                    }
                });
        plain = Session.open(c -> c.client(client).autoCreateTables(true).namespace(session.config().namespace() + "_plain")
                .listener(recorder));
        players = Player.find.using(plain);
    }

    @AfterEach
    void close() {
        try {
            plain.tables().dropAll();
        } finally {
            plain.close();
        }
    }

    @Test
    void aFalseConditionOnAnExistingItemIsAConditionFailureNotAMissingRecord() {
        Player p = players.create(x -> x.name = "Ann");
        assertThatThrownBy(() -> players.update(Key.of(p.id()), WriteCondition.where("name", "Bob"), u -> u.increment("credits")))
                .isInstanceOf(ConditionFailedException.class).hasMessageContaining("name eq 'Bob'").hasMessageContaining("did not hold");
        assertThatThrownBy(() -> players.update(Key.of("ghost"), WriteCondition.where("name", "Bob"), u -> u.increment("credits")))
                .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("use upsert");
        assertThat(players.byId(p.id()).credits).isZero();
    }

    @Test
    void savesAndDestroysNameTheirCauseToo() {
        Player p = players.create(x -> x.name = "Ann");
        p.name = "Anna";
        assertThatThrownBy(() -> p.saveOrThrow(WriteCondition.where("name", "Zed"))).isInstanceOf(ConditionFailedException.class);
        assertThatThrownBy(() -> p.destroy(WriteCondition.where("name", "Zed"))).isInstanceOf(ConditionFailedException.class);

        Player twin = players.build().assign(java.util.Map.of("id", p.id(), "name", "Twin"), "id", "name");
        assertThatThrownBy(() -> twin.saveOrThrow(WriteCondition.where("name", "Zed")))
                .isInstanceOf(RecordNotUniqueException.class);

        players.delete(p.id());
        assertThatThrownBy(() -> p.saveOrThrow(WriteCondition.where("name", "Ann"))).isInstanceOf(RecordNotSavedException.class);
        assertThat(p.destroy(WriteCondition.where("name", "Ann"))).as("an item already gone is destroyed").isTrue();
    }

    @Test
    void noRequestAsksForTheRefusedItem() {
        Player p = players.create(x -> x.name = "Ann");
        recorder.clear();
        assertThatThrownBy(() -> players.update(Key.of(p.id()), WriteCondition.where("name", "Bob"), u -> u.set("nickname", "b")))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(recorder.requests(UpdateItemRequest.class)).allSatisfy(r ->
                assertThat(r.returnValuesOnConditionCheckFailure()).isNull());
        assertThat(recorder.summary()).as("the refusal is explained by one consistent read")
                .containsExactly("UpdateItem " + plain.tableName(Player.class), "GetItem " + plain.tableName(Player.class));
    }

    @Test
    void anAppendThatOutgrowsTheItemLimitIsItemTooLarge() {
        Player p = players.create(x -> x.name = "Big");
        String chunk = "x".repeat(100 * 1024);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 5; i++) {
                players.update(p.id(), u -> u.append("history", chunk));
            }
        }).isInstanceOf(ItemTooLargeException.class).hasMessageContaining("400 KB");
        assertThat(players.byId(p.id()).history).hasSizeLessThan(4).allMatch(chunk::equals);
    }
}
