package dev.dynarecord.internal.table;

import dev.dynarecord.annotation.StreamView;
import dev.dynarecord.annotation.Toggle;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.internal.dynamo.CallContext;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.dynamo.ExceptionTranslator;
import dev.dynarecord.internal.schema.TableOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * A table's settings beyond keys and indexes: Time to Live, the stream and point-in-time recovery.
 * Applied when a table is created, made to match the model by {@code sync} (only the settings the
 * model manages: {@link StreamView#UNMANAGED} and {@link Toggle#UNMANAGED} are left alone), and
 * read for {@code describe}. An engine that lacks TTL or continuous backups (DynamoDB Local has no
 * continuous backups, dynalite neither nor TTL) gets a warning, and the table is used without the
 * setting (ADR 0023). Thread-safe.
 */
public final class TableSettings {

    private static final Logger LOG = LoggerFactory.getLogger(TableSettings.class);
    /** How often, and how many times, an UpdateContinuousBackups refused on a table just created is sent again. */
    private static final Duration BACKUPS_RETRY = Duration.ofSeconds(1);
    private static final int BACKUPS_ATTEMPTS = 60;

    /**
     * What {@code describe} shows of a table's TTL and backups.
     *
     * @param ttlAttribute the attribute TTL is on (or being turned on or off for), if any
     * @param ttlStatus ENABLED, ENABLING, DISABLING, DISABLED, or UNSUPPORTED when the engine has no TTL
     * @param pointInTimeRecovery ENABLED, DISABLED, or UNSUPPORTED when the engine has no continuous backups
     */
    public record State(Optional<String> ttlAttribute, String ttlStatus, String pointInTimeRecovery) {
    }

    private final DynamoDbGateway gateway;
    private final Consumer<String> awaitActive;

    /**
     * @param gateway the adapter layer
     * @param awaitActive waits until a table is ACTIVE again after an UpdateTable
     */
    TableSettings(DynamoDbGateway gateway, Consumer<String> awaitActive) {
        this.gateway = gateway;
        this.awaitActive = awaitActive;
    }

    /** @return the stream CreateTable asks for, or null for none */
    static StreamSpecification streamOnCreate(TableOptions options) {
        return switch (options.stream()) {
            case UNMANAGED, OFF -> null;
            default -> StreamSpecification.builder().streamEnabled(true).streamViewType(options.stream().name()).build();
        };
    }

    /** Turns TTL and point-in-time recovery on for a table just created (and ACTIVE), as the model declares. */
    void applyOnCreate(String table, TableOptions options) {
        options.ttlAttribute().ifPresent(a -> enableTtl(table, a));
        if (options.pointInTimeRecovery() == Toggle.ON) {
            setBackups(table, true, true);
        }
    }

    /**
     * Makes an existing table's managed settings match the model.
     *
     * @param table the table's description
     * @param options what the model declares
     * @param modelName the model, for messages
     * @return what was changed, for people ("TTL on expiresAt"), in the order done
     * @throws ModelDefinitionException when TTL is on for another attribute (DynamoDB allows a change only
     *     by turning it off, and then on an hour later)
     */
    List<String> reconcile(TableDescription table, TableOptions options, String modelName) {
        String name = table.tableName();
        List<String> changed = new ArrayList<>();
        options.ttlAttribute().ifPresent(a -> {
            if (reconcileTtl(name, a, modelName)) {
                changed.add("TTL on " + a);
            }
        });
        reconcileStream(table, options.stream()).ifPresent(changed::add);
        if (options.pointInTimeRecovery() != Toggle.UNMANAGED) {
            boolean on = options.pointInTimeRecovery() == Toggle.ON;
            String now = backups(name);
            if (!now.equals(on ? "ENABLED" : "DISABLED") && !now.equals("UNSUPPORTED")) {
                setBackups(name, on, false);
                changed.add("point-in-time recovery " + (on ? "on" : "off"));
            } else if (now.equals("UNSUPPORTED")) {
                LOG.warn("Table {}: this engine has no point-in-time recovery (continuous backups); the table is used"
                        + " without it. DynamoDB itself has it", name);
            }
        }
        return changed;
    }

    /** @return the TTL and backup state of a table */
    State read(String table) {
        Optional<String> attribute = Optional.empty();
        String status;
        try {
            TimeToLiveDescription ttl = gateway.describeTimeToLive(DescribeTimeToLiveRequest.builder().tableName(table).build(), context("reading the TTL of", table))
                    .timeToLiveDescription();
            status = ttl == null || ttl.timeToLiveStatus() == null ? "DISABLED" : ttl.timeToLiveStatusAsString();
            attribute = status.equals("DISABLED") || ttl == null ? Optional.empty() : Optional.ofNullable(ttl.attributeName());
        } catch (DynarecordException e) {
            if (!ExceptionTranslator.engineLacksOperation(e)) {
                throw e;
            }
            status = "UNSUPPORTED";
        }
        return new State(attribute, status, backups(table));
    }

    /** @return ENABLED, DISABLED, or UNSUPPORTED when the engine has no continuous backups */
    private String backups(String table) {
        try {
            var d = gateway.describeContinuousBackups(DescribeContinuousBackupsRequest.builder().tableName(table).build(), context("reading the backups of", table))
                    .continuousBackupsDescription();
            return d == null || d.pointInTimeRecoveryDescription() == null ? "DISABLED"
                    : d.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString();
        } catch (DynarecordException e) {
            if (ExceptionTranslator.engineLacksOperation(e)) {
                return "UNSUPPORTED";
            }
            throw e;
        }
    }

    /** @return whether TTL was turned on */
    private boolean reconcileTtl(String table, String attribute, String modelName) {
        State state = read(table);
        switch (state.ttlStatus()) {
            case "UNSUPPORTED" -> {
                warnNoTtl(table, attribute);
                return false;
            }
            case "DISABLED" -> {
                enableTtl(table, attribute);
                return true;
            }
            default -> {
                String on = state.ttlAttribute().orElse("?");
                if (on.equals(attribute) && !state.ttlStatus().equals("DISABLING")) {
                    return false;
                }
                throw new ModelDefinitionException("table " + table + " has TTL " + state.ttlStatus() + " on " + on + ", but "
                        + modelName + " declares @Table(ttl = \"" + attribute + "\"); DynamoDB changes a TTL only by turning"
                        + " it off and, once that is done (up to an hour), on again: turn it off (aws dynamodb"
                        + " update-time-to-live ... Enabled=false), then run sync again, or declare ttl = \"" + on + "\"");
            }
        }
    }

    private void enableTtl(String table, String attribute) {
        try {
            gateway.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(table)
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(attribute)).build(), context("turning TTL on for", table));
            LOG.info("Turned TTL on for table {} on attribute {}", table, attribute);
        } catch (DynarecordException e) {
            if (!ExceptionTranslator.engineLacksOperation(e)) {
                throw e;
            }
            warnNoTtl(table, attribute);
        }
    }

    private static void warnNoTtl(String table, String attribute) {
        LOG.warn("Table {}: this engine has no Time to Live, so it never deletes expired items; Dynarecord still hides"
                + " the items whose {} has passed. DynamoDB and DynamoDB Local have TTL", table, attribute);
    }

    /** UpdateContinuousBackups; a table just created may refuse it for a while (ContinuousBackupsUnavailable): sent again. */
    private void setBackups(String table, boolean on, boolean justCreated) {
        for (int attempt = 1; ; attempt++) {
            try {
                gateway.updateContinuousBackups(UpdateContinuousBackupsRequest.builder().tableName(table)
                        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(on)).build(),
                        context("turning point-in-time recovery " + (on ? "on" : "off") + " for", table));
                LOG.info("Turned point-in-time recovery {} for table {}", on ? "on" : "off", table);
                return;
            } catch (DynarecordException e) {
                if (ExceptionTranslator.engineLacksOperation(e)) {
                    LOG.warn("Table {}: this engine has no point-in-time recovery (continuous backups); the table is used"
                            + " without it. DynamoDB itself has it", table);
                    return;
                }
                if (!(e.getCause() instanceof ContinuousBackupsUnavailableException) || !justCreated
                        || attempt >= BACKUPS_ATTEMPTS) {
                    throw e;
                }
                pause(table);
            }
        }
    }

    /** @return what was done to the stream, if anything */
    private Optional<String> reconcileStream(TableDescription table, StreamView wanted) {
        if (wanted == StreamView.UNMANAGED) {
            return Optional.empty();
        }
        StreamSpecification now = table.streamSpecification();
        boolean enabled = now != null && Boolean.TRUE.equals(now.streamEnabled());
        String name = table.tableName();
        if (wanted == StreamView.OFF) {
            if (!enabled) {
                return Optional.empty();
            }
            updateStream(name, StreamSpecification.builder().streamEnabled(false).build(), "turning the stream off for");
            return Optional.of("stream off");
        }
        if (enabled && now.streamViewTypeAsString().equals(wanted.name())) {
            return Optional.empty();
        }
        if (enabled) {
            // DynamoDB refuses another view on an enabled stream: the old stream is turned off (its records stay
            // readable for 24 hours) and a new one, with a new ARN, turned on
            updateStream(name, StreamSpecification.builder().streamEnabled(false).build(), "turning the old stream off for");
            LOG.warn("Table {}: stream {} replaced by a new {} stream with a new ARN; move its consumers",
                    name, now.streamViewTypeAsString(), wanted);
        }
        updateStream(name, StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.fromValue(wanted.name()))
                .build(), "turning the stream on for");
        return Optional.of("stream " + wanted);
    }

    private void updateStream(String table, StreamSpecification stream, String what) {
        gateway.updateTable(UpdateTableRequest.builder().tableName(table).streamSpecification(stream).build(),
                context(what, table));
        awaitActive.accept(table);
    }

    private static CallContext context(String what, String table) {
        return CallContext.of(what + " table " + table, table);
    }

    private static void pause(String table) {
        try {
            Thread.sleep(BACKUPS_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynarecordException("interrupted while turning point-in-time recovery on for table " + table, e);
        }
    }
}
