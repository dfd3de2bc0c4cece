package dev.dynarecord.internal.table;

import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.schema.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The shapes DynamoDB is asked for and checked against: key schemas, attribute definitions, index projections and throughput. */
public final class TableShapes {

    private static final Logger LOG = LoggerFactory.getLogger(TableShapes.class);

    private TableShapes() {
    }

    static ProvisionedThroughput throughput(IndexSchema index, long tableRead, long tableWrite) {
        return ProvisionedThroughput.builder().readCapacityUnits(index.readCapacity() > 0 ? index.readCapacity() : tableRead)
                .writeCapacityUnits(index.writeCapacity() > 0 ? index.writeCapacity() : tableWrite).build();
    }

    static Projection projection(IndexSchema index) {
        Projection.Builder p = Projection.builder().projectionType(ProjectionType.fromValue(index.projection().name()));
        if (index.projection() == dev.dynarecord.annotation.Projection.INCLUDE) {
            p.nonKeyAttributes(index.include());
        }
        return p.build();
    }

    /** The indexes a model declares that a table lacks, in declaration order. */
    static List<IndexSchema> missingIndexes(TableDescription table, TableDefinition definition) {
        Set<String> present = Set.copyOf(indexNames(table));
        return definition.indexes().stream().filter(i -> !present.contains(i.name())).toList();
    }

    /**
     * The names of a table's secondary indexes, local ones first.
     *
     * @param table the table's description
     * @return the names
     */
    public static List<String> indexNames(TableDescription table) {
        return Stream.concat(table.localSecondaryIndexes().stream().map(LocalSecondaryIndexDescription::indexName),
                table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)).toList();
    }

    /** The key schema for a hash and range key, each attribute defined once in {@code attributes}. */
    static List<KeySchemaElement> keySchema(TableDefinition.KeyAttribute hash, Optional<TableDefinition.KeyAttribute> range,
            Map<String, TableDefinition.KeyAttribute> attributes, String tableName) {
        List<KeySchemaElement> keys = new ArrayList<>(2);
        keys.add(keyElement(hash, KeyType.HASH, attributes, tableName));
        range.ifPresent(r -> keys.add(keyElement(r, KeyType.RANGE, attributes, tableName)));
        return keys;
    }

    static KeySchemaElement keyElement(TableDefinition.KeyAttribute key, KeyType role,
            Map<String, TableDefinition.KeyAttribute> attributes, String tableName) {
        TableDefinition.KeyAttribute previous = attributes.putIfAbsent(key.name(), key);
        if (previous != null && previous.type() != key.type()) {
            throw new ModelDefinitionException("table " + tableName + " would define the key attribute " + key.name() + " as both "
                    + previous.type() + " and " + key.type() + "; a DynamoDB attribute has one type");
        }
        return KeySchemaElement.builder().attributeName(key.name()).keyType(role).build();
    }

    static AttributeDefinition attributeDefinition(TableDefinition.KeyAttribute key) {
        return AttributeDefinition.builder().attributeName(key.name())
                .attributeType(ScalarAttributeType.fromValue(key.type().name())).build();
    }

    /**
     * Checks that an existing table has the key a model declares, and warns (never fails: the
     * existing data stays usable) when it lacks indexes the model declares.
     *
     * @param table the table's description
     * @param definition the model's table definition
     * @param modelName the model, for the message
     * @throws ModelDefinitionException when the keys differ
     */
    public static void checkKeys(TableDescription table, TableDefinition definition, String modelName) {
        checkTableKey(table, definition, modelName);
        List<String> missing = missingIndexes(table, definition).stream().map(IndexSchema::name).toList();
        if (!missing.isEmpty()) {
            LOG.warn("Table {} lacks the index(es) {} that {} declares; queries cannot use them."
                    + " session.tables().sync({}.class) adds missing global indexes (local ones need the table recreated)",
                    table.tableName(), missing, modelName, modelName);
        }
    }

    static void checkTableKey(TableDescription table, TableDefinition definition, String modelName) {
        String expected = describeKeys(definition);
        StringBuilder actual = new StringBuilder();
        for (KeySchemaElement k : table.keySchema()) {
            String type = table.attributeDefinitions().stream().filter(a -> a.attributeName().equals(k.attributeName()))
                    .map(a -> a.attributeTypeAsString()).findFirst().orElse("?");
            actual.append(actual.length() == 0 ? "" : ", ").append(k.attributeName()).append(' ').append(k.keyTypeAsString())
                    .append(' ').append(type);
        }
        if (!expected.contentEquals(actual)) {
            throw new ModelDefinitionException("table " + table.tableName() + " exists with key (" + actual + ") but "
                    + modelName + " declares (" + expected + "); Dynarecord never alters a table: migrate the table,"
                    + " or map the model to another table name or namespace");
        }
    }

    static String describeKeys(TableDefinition d) {
        String hash = d.hashKey().name() + " HASH " + d.hashKey().type();
        return d.rangeKey().map(r -> hash + ", " + r.name() + " RANGE " + r.type()).orElse(hash);
    }
}
