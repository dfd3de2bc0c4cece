package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.types.TimeFormat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the table options of {@code @Table} ({@code ttl}, {@code expiresIn}, {@code stream},
 * {@code pointInTimeRecovery}) and checks them when the schema is built, before any request: the
 * TTL field must exist and hold epoch seconds, and {@code expiresIn} must be a positive ISO-8601
 * duration.
 */
final class TableOptionDeclarations {

    /** The Java types a TTL field may have with {@code EPOCH_SECONDS}, besides {@code Long}. */
    private static final Set<Class<?>> TIMES = Set.of(java.time.Instant.class, OffsetDateTime.class, ZonedDateTime.class);

    private final Class<?> type;
    private final Table table;

    TableOptionDeclarations(Class<?> type, Table table) {
        this.type = type;
        this.table = table;
    }

    /** What the options declare: the TTL (with the attribute it reads) and the table's settings. */
    record Result(Optional<TimeToLive> timeToLive, TableOptions options) {
    }

    /**
     * @param declared the model's instance fields
     * @param attributes the model's attributes by name
     * @param byField the declared fields' attributes by field name
     * @return the options, checked
     */
    Result read(List<java.lang.reflect.Field> declared, Map<String, AttributeSchema> attributes,
            Map<String, AttributeSchema> byField) {
        if (table == null) {
            return new Result(Optional.empty(), TableOptions.NONE);
        }
        Optional<TimeToLive> ttl = Optional.empty();
        if (!table.ttl().isEmpty()) {
            AttributeSchema a = ttlAttribute(declared, attributes, byField);
            ttl = Optional.of(new TimeToLive(a, expiresIn()));
        } else if (!table.expiresIn().isEmpty()) {
            throw define("has @Table(expiresIn = \"" + table.expiresIn() + "\") but no ttl; name the field of epoch seconds"
                    + " it sets, e.g. @Table(ttl = \"expiresAt\", expiresIn = \"" + table.expiresIn() + "\")");
        }
        return new Result(ttl, new TableOptions(ttl.map(TimeToLive::name), table.stream(), table.pointInTimeRecovery()));
    }

    private AttributeSchema ttlAttribute(List<java.lang.reflect.Field> fields, Map<String, AttributeSchema> attributes,
            Map<String, AttributeSchema> byField) {
        String name = table.ttl();
        if (name.equals(BaseClass.CREATED_AT) || name.equals(BaseClass.UPDATED_AT)) {
            throw define("names '" + name + "' in @Table(ttl), which Dynarecord keeps as ISO-8601 text; DynamoDB's TTL reads"
                    + " a number of epoch seconds: declare a field of its own, e.g. @Field(timeFormat = EPOCH_SECONDS)"
                    + " Instant expiresAt;");
        }
        AttributeSchema a = byField.containsKey(name) ? byField.get(name) : attributes.get(name);
        java.lang.reflect.Field field = a == null ? null
                : fields.stream().filter(f -> f.getName().equals(a.fieldName())).findFirst().orElse(null);
        if (field == null) {
            throw define("names '" + name + "' in @Table(ttl) but has no such field; declare it, e.g."
                    + " @Field(timeFormat = EPOCH_SECONDS) Instant " + name + ";");
        }
        if (a.keyRole() != KeyRole.NONE) {
            throw define("names its " + (a.keyRole() == KeyRole.HASH ? "hash" : "range") + " key '" + a.fieldName()
                    + "' in @Table(ttl); a record's key never changes, so its expiry could never be moved: keep the expiry"
                    + " in a field of its own");
        }
        Field declared = field.getAnnotation(Field.class);
        boolean own = declared != null && (declared.serialized() || declared.converter() != Field.None.class);
        Class<?> javaType = field.getType();
        String where = "field '" + a.fieldName() + "' named in @Table(ttl)";
        if (!own && javaType == Long.class) {
            return a;
        }
        if (!own && TIMES.contains(javaType)) {
            if (declared == null || declared.timeFormat() != TimeFormat.EPOCH_SECONDS) {
                throw define(where + " is stored as ISO-8601 text, but DynamoDB's TTL reads only a number of epoch seconds;"
                        + " declare it @Field(timeFormat = TimeFormat.EPOCH_SECONDS)");
            }
            return a;
        }
        throw define(where + " is " + (own ? "stored by its own converter or serialized" : "a " + javaType.getSimpleName())
                + ", not epoch seconds; DynamoDB's TTL reads a number of seconds since the epoch: make it an Instant (or"
                + " OffsetDateTime, ZonedDateTime) with @Field(timeFormat = TimeFormat.EPOCH_SECONDS), or a Long"
                + (javaType == long.class ? " (a primitive long is never absent: a record without an expiry would store 0,"
                        + " long expired)" : ""));
    }

    private Duration expiresIn() {
        String text = table.expiresIn();
        if (text.isEmpty()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw define("has @Table(expiresIn = \"" + text + "\"), which is not an ISO-8601 duration; write it as"
                    + " \"P1D\" (a day), \"PT12H\" (12 hours), \"P30DT6H\" or \"PT90M\" (months and years are not durations:"
                    + " use days)");
        }
        if (d.isNegative() || d.isZero()) {
            throw define("has @Table(expiresIn = \"" + text + "\"); a record must live for some time: give a positive"
                    + " duration such as \"P1D\", or leave expiresIn out");
        }
        return d;
    }

    private ModelDefinitionException define(String problem) {
        return new ModelDefinitionException(type.getName() + " " + problem);
    }
}
