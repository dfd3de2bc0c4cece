package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Session;
import dev.dynarecord.exception.ItemTooLargeException;
import dev.dynarecord.it.fixtures.Address;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The mapper's 400 KB check agrees with the engine at the exact boundary. */
@DynarecordTest
class ItemSizeBoundaryTest {

    // id (2 + 36) + createdAt (9 + 30) + updatedAt (9 + 30) + lockVersion (11 + 2: the number 1) + "street" (6):
    // names and values in bytes as DynamoDB counts them
    private static final int OVERHEAD = 2 + 36 + 9 + 30 + 9 + 30 + 11 + 2 + 6;
    private static final int LIMIT = 400 * 1024;

    @Test
    void theEngineAndTheMapperAgreeOnTheLimit(Session session, RequestRecorder recorder) {
        Address.find.exists("warm-up");
        String table = Address.find.tableName();
        // the engine: exactly 400 KB is accepted, one byte more is refused
        session.client().putItem(PutItemRequest.builder().tableName(table).item(Map.of(
                "id", AttributeValue.fromS("x".repeat(36)), "createdAt", AttributeValue.fromS("c".repeat(30)),
                "updatedAt", AttributeValue.fromS("u".repeat(30)), "lockVersion", AttributeValue.fromN("1"),
                "street", AttributeValue.fromS("s".repeat(LIMIT - OVERHEAD)))).build());
        assertThatThrownBy(() -> session.client().putItem(PutItemRequest.builder().tableName(table).item(Map.of(
                "id", AttributeValue.fromS("y".repeat(36)), "createdAt", AttributeValue.fromS("c".repeat(30)),
                "updatedAt", AttributeValue.fromS("u".repeat(30)), "lockVersion", AttributeValue.fromN("1"),
                "street", AttributeValue.fromS("s".repeat(LIMIT - OVERHEAD + 1)))).build()))
                .hasMessageContaining("size");

        Address fits = new Address();
        fits.street = "s".repeat(LIMIT - OVERHEAD);
        fits.saveOrThrow();
        assertThat(Address.find.byId(fits.id()).street).hasSize(LIMIT - OVERHEAD);

        Address over = new Address();
        over.street = "s".repeat(LIMIT - OVERHEAD + 1);
        recorder.clear();
        assertThatThrownBy(over::save).isInstanceOf(ItemTooLargeException.class);
        assertThat(recorder.summary()).isEmpty();
    }
}
