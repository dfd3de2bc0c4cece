package dev.dynarecord.internal.query;

import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.exception.TransactionFailedException.Failure;
import dev.dynarecord.exception.TransactionFailedException;
import dev.dynarecord.internal.dynamo.TransactGetOperation;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.Records;
import dev.dynarecord.internal.state.SessionState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One read transaction of a session: the gets a {@code ReadTransaction} adds, each checked and its
 * key converted as it is added (a null model or key, a key of the wrong type, a missing range key,
 * a second get of the same item, a 101st get: named exceptions, nothing sent), then read in one
 * TransactGetItems and turned into records as a find makes them: bound to the session, dirty
 * tracking from the stored item, the lock version read, after_find and after_initialize run. When
 * DynamoDB cancels it, the reasons are mapped back to the gets in one
 * {@link TransactionFailedException}. Not thread-safe: one transaction, one thread.
 */
public final class TransactionReads {

    /** The likely cause of a refusal once the keys were checked: the items read are larger than DynamoDB allows. */
    private static final String TOO_LARGE = "The keys were checked before sending, so the likely cause is that the items"
            + " come to more than DynamoDB's 4 MB a transaction (or the table's key schema is not the model's): read them"
            + " in smaller transactions";

    private final SessionState session;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<List<Object>, Entry> byItem = new HashMap<>();
    private List<Object> records;

    /** A get: its position, model, converted key and label for messages ("get of User 'u-1'"). */
    private record Entry(int index, ModelSchema<?> schema, Map<String, AttributeValue> key, String label) {
    }

    /** @param session the session whose records are read */
    public TransactionReads(SessionState session) {
        this.session = session;
    }

    /**
     * Adds a get, checked and converted now.
     *
     * @param type the model
     * @param hash the hash key value
     * @param range the range key value, or null
     * @param idOnly whether only an id was given (a model with a range key then needs a {@code Key})
     * @return the get's position in the transaction, from 0
     * @throws ModelDefinitionException when the type is null or not a model
     * @throws InvalidKeyException when the key is null, incomplete, or the item is read already
     * @throws ConversionException when a key part has the wrong type
     * @throws InvalidQueryException when the transaction has {@value TransactGetOperation#MAX_ITEMS} gets already
     */
    public int add(Class<?> type, Object hash, Object range, boolean idOnly) {
        if (records != null) {
            throw new IllegalStateException("this read transaction was executed already; start a new one with"
                    + " session.readTransaction() for more reads");
        }
        int index = entries.size();
        String at = "read transaction get #" + index + ": ";
        if (type == null) {
            throw new ModelDefinitionException(at + "get(null, ...); pass the model class to read, such as User.class");
        }
        ModelSchema<?> schema = session.schema(type);
        if (schema.partitioned()) {
            throw new InvalidQueryException(at + "refused: " + schema.modelName() + " is partitioned, and a read transaction"
                    + " gets one item per record while a partitioned record is up to " + schema.partitions().count()
                    + " copies; read it with byId (docs/partitioning.md). Nothing was sent");
        }
        if (index >= TransactGetOperation.MAX_ITEMS) {
            throw new InvalidQueryException(at + "refused: DynamoDB reads at most " + TransactGetOperation.MAX_ITEMS
                    + " items in one transaction; nothing was sent. Split it, or use byIds / byKeys (BatchGetItem, no"
                    + " common snapshot)");
        }
        if (hash == null) {
            throw new InvalidKeyException(at + "the " + (idOnly ? "id" : "key") + " of " + schema.modelName()
                    + " is null; pass the key of the item to read");
        }
        if (idOnly && schema.rangeKey().isPresent()) {
            throw new InvalidKeyException(at + schema.modelName() + " has a range key (" + schema.rangeKey().get().fieldName()
                    + "), so an id alone is not a key; use get(" + schema.modelName() + ".class, Key.of(hash, range))");
        }
        Map<String, AttributeValue> key = key(schema, hash, range, at);
        Entry entry = new Entry(index, schema, key, "get of " + Records.describeKey(schema, key));
        Entry earlier = byItem.putIfAbsent(List.of(session.tableName(type), key), entry);
        if (earlier != null) {
            throw new InvalidKeyException(at + entry.label() + " reads the same item as get #" + earlier.index()
                    + "; DynamoDB reads an item once in a transaction. Nothing was sent; use the result of get #"
                    + earlier.index());
        }
        entries.add(entry);
        return index;
    }

    private static Map<String, AttributeValue> key(ModelSchema<?> schema, Object hash, Object range, String at) {
        try {
            return schema.key(hash, range);
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException(at + e.getMessage() + "; nothing was sent", e);
        } catch (ConversionException e) {
            throw new ConversionException(at + e.getMessage() + "; nothing was sent", e);
        }
    }

    /**
     * Reads every get in one TransactGetItems; an empty transaction sends nothing.
     *
     * @return the records in the order of the gets, null where no item has the key (or its TTL has passed); unmodifiable
     * @throws TransactionFailedException when DynamoDB cancelled it, naming the gets
     */
    public List<Object> execute() {
        if (records != null) {
            throw new IllegalStateException("this read transaction was executed already (session.readTransaction(body)"
                    + " executes it when the body returns); start a new one for another read");
        }
        Object[] read = new Object[entries.size()];
        if (!entries.isEmpty()) {
            List<TransactGetOperation.Target> targets = entries.stream()
                    .map(e -> new TransactGetOperation.Target(session.ready(e.schema()), e.key())).toList();
            List<Map<String, AttributeValue>> items = session.gateway().observers().around("read_transaction", null,
                    () -> send(targets));
            for (int i = 0; i < read.length; i++) {
                Map<String, AttributeValue> item = items.get(i);
                // as byId: an item whose TTL has passed is absent
                read[i] = item == null || entries.get(i).schema().expired(item) || !entries.get(i).schema().admits(item) ? null : load(entries.get(i).schema(), item);
            }
        }
        records = Collections.unmodifiableList(Arrays.asList(read));
        return records;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object load(ModelSchema schema, Map<String, AttributeValue> item) {
        return session.load(schema, item);
    }

    /**
     * @param index a get's position
     * @return its record, or null when no item had the key
     * @throws IllegalStateException before {@link #execute()}
     */
    public Object record(int index) {
        if (records == null) {
            throw new IllegalStateException("the read transaction has not been executed yet: call execute() (or read the"
                    + " list session.readTransaction(body) returns) before reading its results");
        }
        return records.get(index);
    }

    /**
     * @param index a get's position
     * @return what the get reads, for messages: "User 'u-1' in table app_users"
     */
    public String describe(int index) {
        Entry e = entries.get(index);
        return Records.describeKey(e.schema(), e.key()) + " in table " + session.tableName(e.schema().type());
    }

    private List<Map<String, AttributeValue>> send(List<TransactGetOperation.Target> targets) {
        try {
            return TransactGetOperation.execute(session.gateway(), targets,
                    () -> "a read transaction of " + gets());
        } catch (DynarecordException e) {
            if (e.getCause() instanceof TransactionCanceledException cancelled) {
                throw cancelled(cancelled);
            }
            if (e.getCause() instanceof AwsServiceException refused && refused.awsErrorDetails() != null
                    && "ValidationException".equals(refused.awsErrorDetails().errorCode())) {
                throw new DynarecordException("DynamoDB refused the read transaction of " + gets() + " ("
                        + refused.awsErrorDetails().errorMessage() + "); nothing was read. " + TOO_LARGE, refused);
            }
            throw e;
        }
    }

    private String gets() {
        return entries.size() == 1 ? "1 get" : entries.size() + " gets";
    }

    /** Each cancelled get named with its reason; conflicts with write transactions and throttling are retryable. */
    private TransactionFailedException cancelled(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < reasons.size() && i < entries.size(); i++) {
            String code = reasons.get(i).code();
            if (code != null && !code.equals("None")) {
                failures.add(failure(entries.get(i), code, reasons.get(i).message()));
            }
        }
        if (failures.isEmpty()) {
            String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
            failures.add(new Failure(-1, "the read transaction", "cancelled: " + message, null, false));
        }
        boolean retryable = failures.stream().allMatch(Failure::retryable);
        return new TransactionFailedException("the read transaction of " + gets() + " was cancelled; nothing"
                + " was read: " + failures.stream().map(Failure::toString).collect(Collectors.joining("; "))
                + (retryable ? ". Run it again: it met write transactions or throttling" : ""), e, failures);
    }

    private static Failure failure(Entry entry, String code, String message) {
        String detail = message == null ? "" : " (" + message + ")";
        return switch (code) {
            case "TransactionConflict" -> new Failure(entry.index(), entry.label(),
                    "a write transaction of the item was in progress", null, true);
            case "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded" -> new Failure(entry.index(),
                    entry.label(), "it was throttled (" + code + ")", null, true);
            default -> new Failure(entry.index(), entry.label(), code + detail + (code.equals("ValidationError") ? ". "
                    + TOO_LARGE : ""), new DynarecordException(entry.label() + " was refused in a read transaction: " + code
                    + detail), false);
        };
    }
}
