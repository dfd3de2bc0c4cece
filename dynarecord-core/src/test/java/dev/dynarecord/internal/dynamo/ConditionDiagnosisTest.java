package dev.dynarecord.internal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.exception.RecordNotUniqueException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Operator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One diagnosis for every refused write, from the guard and the item as stored now. */
class ConditionDiagnosisTest {

    private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("u-1"));
    private static final List<Condition> NAME_IS_ANN = List.of(new Condition("name", "name", Operator.EQ, List.of("Ann"),
            List.of(AttributeValue.fromS("Ann"))));
    private static final Supplier<Map<String, AttributeValue>> NOT_READ = () -> {
        throw new AssertionError("a guard with one part that can fail needs no read");
    };

    private static Map<String, AttributeValue> stored(long version) {
        return Map.of("id", AttributeValue.fromS("u-1"), "lockVersion", AttributeValue.fromN(Long.toString(version)));
    }

    private static PutItemOperation put(Guard guard) {
        return new PutItemOperation("t", KEY, KEY, guard, () -> "User 'u-1'");
    }

    private static UpdateItemOperation update(Guard guard) {
        return UpdateItemOperation.of("t", KEY, List.of(), guard, () -> "User 'u-1'");
    }

    @Test
    void aGuardWithOnePartNamesItWithoutReading() {
        assertThat(ConditionDiagnosis.explain(put(Guard.newRecord("id", List.of())), NOT_READ))
                .isInstanceOf(RecordNotUniqueException.class).hasMessageContaining("already exists in table t");
        assertThat(ConditionDiagnosis.explain(update(Guard.stored("id", null, 0, List.of())), NOT_READ))
                .isInstanceOf(RecordNotSavedException.class).hasMessageContaining("no longer exists");
        assertThat(ConditionDiagnosis.explain(update(new Guard(Guard.Existence.EITHER, "id", null, 0, NAME_IS_ANN)), NOT_READ))
                .isInstanceOf(ConditionFailedException.class).hasMessageContaining("name eq 'Ann' did not hold");
    }

    @Test
    void aNewRecordIsTakenOrItsConditionFalse() {
        Guard guard = Guard.newRecord("id", NAME_IS_ANN);
        assertThat(ConditionDiagnosis.explain(put(guard), () -> stored(1))).isInstanceOf(RecordNotUniqueException.class);
        assertThat(ConditionDiagnosis.explain(put(guard), () -> null)).isInstanceOf(ConditionFailedException.class)
                .hasMessageContaining("for the new record");
    }

    @Test
    void aStoredRecordIsGoneStaleOrItsConditionFalse() {
        Guard guard = Guard.stored("id", "lockVersion", 2, NAME_IS_ANN);
        assertThat(ConditionDiagnosis.explain(update(guard), () -> null)).isInstanceOf(RecordNotSavedException.class);
        assertThat(ConditionDiagnosis.explain(update(guard), () -> stored(3))).isInstanceOf(StaleRecordException.class)
                .hasMessageContaining("its lockVersion is 3, this copy has 2");
        assertThat(ConditionDiagnosis.explain(update(guard), () -> stored(2))).isInstanceOf(ConditionFailedException.class);
    }

    @Test
    void theCallerSaysWhatAMissingItemMeans() {
        UpdateItemOperation op = update(Guard.stored("id", null, 0, NAME_IS_ANN))
                .whenAbsent(() -> new RecordNotFoundException("no User with key 'u-1'; use upsert"));
        assertThat(ConditionDiagnosis.explain(op, () -> null)).isInstanceOf(RecordNotFoundException.class);
        assertThat(ConditionDiagnosis.explain(op, () -> stored(0))).isInstanceOf(ConditionFailedException.class);
    }

    @Test
    void destroyingAGoneItemIsNoFailure() {
        DeleteItemOperation op = new DeleteItemOperation("t", KEY, Guard.destroying("id", "lockVersion", 1, NAME_IS_ANN),
                () -> "User 'u-1'");
        assertThat(ConditionDiagnosis.explain(op, () -> null)).isNull();
        DynarecordException stale = ConditionDiagnosis.explain(op, () -> stored(4));
        assertThat(stale).isInstanceOf(StaleRecordException.class);
        assertThat(ConditionDiagnosis.explain(op, () -> stored(1))).isInstanceOf(ConditionFailedException.class);
        DeleteItemOperation locked = new DeleteItemOperation("t", KEY, Guard.destroying("id", "lockVersion", 1, List.of()),
                () -> "User 'u-1'");
        assertThat(ConditionDiagnosis.explain(locked, NOT_READ)).isInstanceOf(StaleRecordException.class);
    }
}
