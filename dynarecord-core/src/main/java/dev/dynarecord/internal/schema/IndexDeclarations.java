package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.LocalIndex;
import dev.dynarecord.annotation.Projection;
import dev.dynarecord.exception.ModelDefinitionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a model's {@code @LocalIndex}, {@code @GlobalIndex} and {@code @Index} declarations (on
 * its fields, and {@code @Index} on the class for the automatic timestamps) and checks them against
 * DynamoDB's limits (5 local indexes, 20 global ones, index names of 3–255 characters from
 * {@code a-z A-Z 0-9 _ - .}, key attributes scalar): every mistake is a
 * {@link ModelDefinitionException} that names the class, the field or index, and what to change.
 */
final class IndexDeclarations {

    /** DynamoDB's limit on local secondary indexes per table. */
    static final int MAX_LOCAL = 5;
    /** DynamoDB's default limit on global secondary indexes per table. */
    static final int MAX_GLOBAL = 20;
    /** DynamoDB's limit on INCLUDE'd attributes over all indexes of a table. */
    static final int MAX_INCLUDED = 100;
    /** The most shards a sharded range index may have. */
    static final int MAX_SHARDS = 1000;

    private static final int MAX_KEY_NAME = 255;
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private final Class<?> type;
    private final List<java.lang.reflect.Field> declared;
    private final Map<String, AttributeSchema> byField;
    private final Map<String, AttributeSchema> attributes;
    private final AttributeSchema hash;
    private final AttributeSchema range;
    private final String discriminator;

    /**
     * @param type the model class
     * @param declared its instance fields, in declaration order
     * @param byField its persisted attributes by Java field name
     * @param attributes every persisted attribute by attribute name (timestamps included)
     * @param hash the table's hash key
     * @param range the table's range key, or null
     * @param discriminator the discriminator attribute of the model's single-table hierarchy, or null
     */
    IndexDeclarations(Class<?> type, List<java.lang.reflect.Field> declared, Map<String, AttributeSchema> byField,
            Map<String, AttributeSchema> attributes, AttributeSchema hash, AttributeSchema range, String discriminator) {
        this.type = type;
        this.declared = declared;
        this.byField = byField;
        this.attributes = attributes;
        this.hash = hash;
        this.range = range;
        this.discriminator = discriminator;
    }

    /**
     * @return the indexes, local ones first, then global ones, each in field declaration order (the
     *     timestamps' indexes, declared on the class, last)
     */
    List<IndexSchema> build() {
        List<IndexSchema> locals = new ArrayList<>();
        List<IndexSchema> globals = new ArrayList<>();
        for (java.lang.reflect.Field f : declared) {
            LocalIndex local = f.getAnnotation(LocalIndex.class);
            GlobalIndex[] global = f.getAnnotationsByType(GlobalIndex.class);
            Index[] index = f.getAnnotationsByType(Index.class);
            if (local == null && global.length == 0 && index.length == 0) {
                continue;
            }
            AttributeSchema a = byField.get(f.getName());
            if (a == null && isTimestamp(f.getName()) && attributes.containsKey(f.getName())) {
                throw define("field '" + f.getName() + "' declares an index, but " + f.getName() + " is the automatic timestamp"
                        + " Dynarecord keeps itself; remove the field and declare the index on the class: @Index(field = \""
                        + f.getName() + "\", range = true)");
            }
            if (a == null) {
                throw define("field '" + f.getName() + "' declares an index but is not persisted; add @Field to it");
            }
            if (local != null) {
                locals.add(local(f, a, local));
            }
            for (GlobalIndex g : global) {
                globals.add(global(f, a, g));
            }
            for (Index i : index) {
                if (!i.field().isEmpty()) {
                    throw define("@Index on field '" + f.getName() + "' names field = \"" + i.field() + "\"; on a field the"
                            + " field itself is indexed: remove field = ..., or move the @Index to the class to index an"
                            + " automatic timestamp (createdAt, updatedAt)");
                }
                globals.add(i.range() ? sharded(f.getName(), a, i) : dynamoid(f.getName(), a, i));
            }
        }
        for (Index i : classIndexes()) {
            AttributeSchema a = timestamp(i);
            globals.add(i.range() ? sharded(a.fieldName(), a, i) : dynamoid(a.fieldName(), a, i));
        }
        if (locals.size() > MAX_LOCAL) {
            throw define("declares " + locals.size() + " local indexes " + names(locals) + "; DynamoDB allows " + MAX_LOCAL
                    + " per table: remove some, or make them @GlobalIndex");
        }
        if (globals.size() > MAX_GLOBAL) {
            throw define("declares " + globals.size() + " global indexes " + names(globals) + "; DynamoDB allows " + MAX_GLOBAL
                    + " per table by default: remove some");
        }
        List<IndexSchema> all = new ArrayList<>(locals);
        all.addAll(globals);
        checkNames(all);
        checkIncludedCount(all);
        return List.copyOf(all);
    }

    private IndexSchema local(java.lang.reflect.Field f, AttributeSchema a, LocalIndex declaration) {
        String name = declaration.name().isEmpty() ? a.name() + "_index" : declaration.name();
        String where = "@LocalIndex '" + name + "' on field '" + f.getName() + "'";
        if (range == null) {
            throw define(where + ": the table has no range key, and a local index needs one (same hash key, another"
                    + " sort order); declare a @RangeKey on the model, or use @GlobalIndex instead");
        }
        if (a == range) {
            throw define(where + ": '" + f.getName() + "' is already the table's range key, so the index would sort"
                    + " exactly like the table; remove the @LocalIndex");
        }
        checkName(where, name);
        checkIndexKey(where, a, "range key");
        checkDistinctKeys(where, hash.name(), a);
        List<String> include = include(where, declaration.projection(), declaration.include(), hash.name(), a.name());
        return new IndexSchema(name, IndexSchema.Kind.LOCAL, hash, hash.name(), Optional.of(a), declaration.projection(),
                include, 0, 0, 0);
    }

    private IndexSchema global(java.lang.reflect.Field f, AttributeSchema a, GlobalIndex declaration) {
        Optional<AttributeSchema> rangeKey = rangeKey(f.getName(), "@GlobalIndex", declaration.name(), declaration.rangeKey());
        String name = declaration.name().isEmpty() ? defaultName(a, rangeKey) : declaration.name();
        String where = "@GlobalIndex '" + name + "' on field '" + f.getName() + "'";
        checkName(where, name);
        checkIndexKey(where, a, "hash key");
        rangeKey.ifPresent(r -> checkIndexKey(where, r, "range key"));
        rangeKey.ifPresent(r -> checkDistinctKeys(where, a.name(), r));
        checkCapacity(where, "readCapacity", declaration.readCapacity());
        checkCapacity(where, "writeCapacity", declaration.writeCapacity());
        List<String> include = include(where, declaration.projection(), declaration.include(), a.name(),
                rangeKey.map(AttributeSchema::name).orElse(a.name()));
        return new IndexSchema(name, IndexSchema.Kind.GLOBAL, a, a.name(), rangeKey, declaration.projection(), include,
                declaration.readCapacity(), declaration.writeCapacity(), 0);
    }

    private IndexSchema dynamoid(String field, AttributeSchema a, Index declaration) {
        Optional<AttributeSchema> rangeKey = rangeKey(field, "@Index", declaration.name(), declaration.rangeKey());
        String name = declaration.name().isEmpty() ? defaultName(a, rangeKey) : declaration.name();
        String where = "@Index '" + name + "' on field '" + field + "'";
        checkName(where, name);
        checkIndexKey(where, a, "hash key");
        rangeKey.ifPresent(r -> checkIndexKey(where, r, "range key"));
        rangeKey.ifPresent(r -> checkDistinctKeys(where, a.name(), r));
        return new IndexSchema(name, IndexSchema.Kind.GLOBAL, a, a.name(), rangeKey, Projection.ALL, List.of(), 0, 0, 0);
    }

    private IndexSchema sharded(String field, AttributeSchema a, Index declaration) {
        String name = declaration.name().isEmpty() ? a.name() + "_sharded_index" : declaration.name();
        String where = "@Index(range = true) '" + name + "' on field '" + field + "'";
        checkName(where, name);
        if (!declaration.rangeKey().isEmpty()) {
            throw define(where + " also names rangeKey = \"" + declaration.rangeKey() + "\"; a range index's range key is"
                    + " the field itself (its hash key is a shard number): remove rangeKey, or remove range = true");
        }
        if (declaration.shards() < 1 || declaration.shards() > MAX_SHARDS) {
            throw define(where + " has shards = " + declaration.shards() + "; use 1 to " + MAX_SHARDS);
        }
        checkIndexKey(where, a, "range key");
        String shard = a.name() + "_shard";
        if (attributes.containsKey(shard)) {
            throw define(where + " needs the attribute '" + shard + "' for its shard numbers, but field '"
                    + attributes.get(shard).fieldName() + "' is stored under that name; rename that field's attribute"
                    + " with @Field(name = ...)");
        }
        if (shard.length() > MAX_KEY_NAME) {
            throw define(where + ": its shard attribute '" + shard + "' is longer than DynamoDB's 255 characters for"
                    + " index key names; shorten the attribute name with @Field(name = ...)");
        }
        return new IndexSchema(name, IndexSchema.Kind.GLOBAL, null, shard, Optional.of(a), Projection.ALL, List.of(), 0, 0,
                declaration.shards());
    }

    /** @return the {@code @Index} declarations on the class and its superclasses, the topmost first */
    private List<Index> classIndexes() {
        List<Index> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            found.addAll(0, List.of(c.getDeclaredAnnotationsByType(Index.class)));
        }
        return found;
    }

    /** @return the automatic timestamp a class-level {@code @Index} names */
    private AttributeSchema timestamp(Index declaration) {
        String field = declaration.field();
        String where = "@Index" + (declaration.range() ? "(range = true)" : "") + " on the class";
        if (field.isEmpty()) {
            throw define(where + " names no field; on the class, @Index indexes an automatic timestamp: name it, as in"
                    + " @Index(field = \"createdAt\", range = true), or put the @Index on a field");
        }
        if (field.equals(discriminator)) {
            return attributes.get(discriminator); // a single-table hierarchy's discriminator: no field declares it
        }
        for (AttributeSchema a : byField.values()) {
            if (a.fieldName().equals(field) || a.name().equals(field)) {
                throw define(where + " names field = \"" + field + "\", which the class declares; put the @Index on field '"
                        + a.fieldName() + "' instead");
            }
        }
        if (!isTimestamp(field)) {
            throw define(where + " names field = \"" + field + "\", which is not an automatic timestamp; on the class,"
                    + " @Index indexes field = \"" + BaseClass.CREATED_AT + "\" or \"" + BaseClass.UPDATED_AT
                    + "\" (put the indexes of other fields on the fields)");
        }
        // by field: the timestamp's attribute may be named otherwise (created_at)
        AttributeSchema a = attributes.values().stream().filter(t -> t.fieldName().equals(field)).findFirst().orElse(null);
        if (a == null) {
            throw define(where + " names field = \"" + field + "\", but the model has @Table(timestamps = false), so"
                    + " Dynarecord keeps no " + field + "; turn the timestamps on, or declare your own @Field Instant " + field
                    + " with the @Index on it");
        }
        return a;
    }

    private static boolean isTimestamp(String field) {
        return field.equals(BaseClass.CREATED_AT) || field.equals(BaseClass.UPDATED_AT);
    }

    private static String defaultName(AttributeSchema a, Optional<AttributeSchema> rangeKey) {
        return rangeKey.map(r -> a.name() + "_" + r.name() + "_index").orElse(a.name() + "_index");
    }

    private Optional<AttributeSchema> rangeKey(String field, String annotation, String indexName, String rangeKey) {
        if (rangeKey.isEmpty()) {
            return Optional.empty();
        }
        AttributeSchema r = byField.get(rangeKey);
        if (r == null) {
            r = attributes.get(rangeKey);
        }
        if (r == null) {
            throw define(annotation + (indexName.isEmpty() ? "" : " '" + indexName + "'") + " on field '" + field
                    + "' names rangeKey = \"" + rangeKey + "\", but the model has no such persisted field; use one of "
                    + byField.keySet() + " (or their attribute names), or add @Field to it");
        }
        return Optional.of(r);
    }

    private void checkIndexKey(String where, AttributeSchema key, String role) {
        if (!key.attributeType().isKeyType()) {
            throw define(where + ": its " + role + " '" + key.fieldName() + "' is stored as " + key.attributeType()
                    + ", and DynamoDB index keys must be strings, numbers or binary (String, numbers, UUID, enums, dates,"
                    + " byte[]); index another field, or store this one as a scalar");
        }
        if (key.name().length() > MAX_KEY_NAME) {
            throw define(where + ": its " + role + " attribute name '" + key.name() + "' is longer than DynamoDB's 255"
                    + " characters for index keys; shorten it with @Field(name = ...)");
        }
    }

    private void checkDistinctKeys(String where, String hashName, AttributeSchema rangeKey) {
        if (rangeKey.name().equals(hashName)) {
            throw define(where + ": its range key '" + rangeKey.fieldName() + "' is also its hash key; name another field"
                    + " as the range key, or none");
        }
    }

    private void checkCapacity(String where, String option, long units) {
        if (units < 0) {
            throw define(where + " has " + option + " = " + units + "; use a positive number, or 0 for the table's");
        }
    }

    private void checkName(String where, String name) {
        if (!VALID_NAME.matcher(name).matches()) {
            throw define(where + ": the index name is not valid in DynamoDB; use 3 to 255 characters of letters, digits,"
                    + " '_', '-' and '.' (name = \"...\")");
        }
    }

    /** The INCLUDE'd attribute names, without the keys (every index holds the table's and its own keys anyway). */
    private List<String> include(String where, Projection projection, String[] include, String indexHash, String indexRange) {
        if (projection != Projection.INCLUDE) {
            if (include.length > 0) {
                throw define(where + " lists include = " + List.of(include) + " but its projection is " + projection
                        + "; use projection = Projection.INCLUDE, or remove include");
            }
            return List.of();
        }
        if (include.length == 0) {
            throw define(where + " has projection INCLUDE but an empty include; name the attributes the index holds,"
                    + " or use Projection.KEYS_ONLY");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String entry : include) {
            AttributeSchema a = attributes.get(entry);
            if (a == null) {
                a = byField.get(entry);
            }
            if (a == null) {
                throw define(where + " includes '" + entry + "', which the model does not declare; use one of "
                        + attributes.keySet() + ", or add the field with @Field");
            }
            names.add(a.name());
        }
        names.remove(hash.name());
        if (range != null) {
            names.remove(range.name());
        }
        names.remove(indexHash);
        names.remove(indexRange);
        if (names.isEmpty()) {
            throw define(where + " includes only key attributes " + List.of(include) + ", which every index holds;"
                    + " use Projection.KEYS_ONLY, or include non-key attributes");
        }
        return List.copyOf(names);
    }

    private void checkNames(List<IndexSchema> indexes) {
        Map<String, IndexSchema> seen = new LinkedHashMap<>();
        for (IndexSchema index : indexes) {
            IndexSchema previous = seen.putIfAbsent(index.name(), index);
            if (previous != null) {
                throw define("declares two indexes named '" + index.name() + "' (" + previous.describe() + " on field '"
                        + keyField(previous) + "' and " + index.describe() + " on field '" + keyField(index)
                        + "'); give one of them another name = \"...\"");
            }
        }
    }

    /** @return the field whose annotation declared the index */
    private static String keyField(IndexSchema index) {
        return index.global() && !index.sharded() ? index.hashKey().fieldName() : index.rangeKey().orElseThrow().fieldName();
    }

    private void checkIncludedCount(List<IndexSchema> indexes) {
        Set<String> included = new LinkedHashSet<>();
        for (IndexSchema index : indexes) {
            included.addAll(index.include());
        }
        if (included.size() > MAX_INCLUDED) {
            throw define("includes " + included.size() + " distinct non-key attributes in its INCLUDE indexes; DynamoDB"
                    + " allows " + MAX_INCLUDED + " per table: include fewer, or use Projection.ALL");
        }
    }

    private static List<String> names(List<IndexSchema> indexes) {
        return indexes.stream().map(IndexSchema::name).toList();
    }

    private ModelDefinitionException define(String problem) {
        return new ModelDefinitionException(type.getName() + " " + problem);
    }
}
