package dev.dynarecord.internal.schema;

import static dev.dynarecord.internal.schema.ModelSchema.MAX_HASH_KEY_BYTES;
import static dev.dynarecord.internal.schema.ModelSchema.MAX_RANGE_KEY_BYTES;

import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.types.AttributeType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item side of a {@link ModelSchema}: moves values between model instances and items, and
 * makes and checks primary keys. It goes through accessors and converters resolved when the schema
 * was built, so no reflection happens per call. Immutable and thread-safe.
 */
final class ItemCodec {

    private final String modelName;
    private final AttributeSchema[] attributes;
    /** The classes whose generated code moves some attributes, and the attributes moved one by one ({@link GeneratedItems}). */
    private final GeneratedItems[] generated;
    private final AttributeSchema[] rest;
    private final AttributeSchema hashKey;
    private final AttributeSchema rangeKey;
    private final boolean generatesHashKey;
    private final IndexSchema[] sharded;
    private final int itemCapacity;
    /** The attributes that are keys of a secondary index but not of the table, with their role and byte limit. */
    private final AttributeSchema[] indexKeys;
    private final String[] indexKeyRoles;
    private final int[] indexKeyLimits;

    /**
     * @param modelName the model's name, for messages
     * @param attributes every persisted attribute, keys first
     * @param hashKey the hash key attribute
     * @param rangeKey the range key attribute, or null when the table has none
     * @param generatesHashKey whether new records get a hash key generated, for messages
     * @param indexes the secondary indexes; the sharded ones get their shard attribute in each item
     */
    ItemCodec(String modelName, AttributeSchema[] attributes, AttributeSchema hashKey, AttributeSchema rangeKey,
            boolean generatesHashKey, List<IndexSchema> indexes) {
        this.modelName = modelName;
        this.attributes = attributes;
        List<AttributeSchema> others = new ArrayList<>();
        this.generated = GeneratedItems.split(attributes, others);
        this.rest = others.toArray(AttributeSchema[]::new);
        this.hashKey = hashKey;
        this.rangeKey = rangeKey;
        this.generatesHashKey = generatesHashKey;
        this.sharded = indexes.stream().filter(IndexSchema::sharded).toArray(IndexSchema[]::new);
        this.itemCapacity = (int) ((attributes.length + sharded.length) / 0.75f) + 1;
        List<AttributeSchema> keys = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        for (IndexSchema index : indexes) {
            // A key of the table is checked as one (keyOfItem).
            if (index.hashKey() != null && index.hashKey().keyRole() == KeyRole.NONE) {
                keys.add(index.hashKey());
                roles.add("hash key of " + index.title());
                limits.add(MAX_HASH_KEY_BYTES);
            }
            index.rangeKey().filter(r -> r.keyRole() == KeyRole.NONE).ifPresent(r -> {
                keys.add(r);
                roles.add("range key of " + index.title());
                limits.add(MAX_RANGE_KEY_BYTES);
            });
        }
        this.indexKeys = keys.toArray(AttributeSchema[]::new);
        this.indexKeyRoles = roles.toArray(String[]::new);
        this.indexKeyLimits = limits.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The item for a model: every attribute whose value is not null (null means absent).
     *
     * @param model the instance
     * @return a new mutable map
     * @throws InvalidKeyException when a secondary index's key attribute is empty or too long
     */
    Map<String, AttributeValue> toItem(Object model) {
        Map<String, AttributeValue> item = new HashMap<>(itemCapacity);
        try {
            for (GeneratedItems g : generated) {
                g.write(model, item);
            }
            write(rest, model, item);
        } catch (RuntimeException | LinkageError e) {
            if (generated.length == 0) {
                throw e;
            }
            // a converter failed, or generated code compiled apart from the class no longer fits it: attribute by
            // attribute, the same failure names the attribute
            item.clear();
            write(attributes, model, item);
        }
        for (int i = 0; i < indexKeys.length; i++) {
            AttributeValue v = item.get(indexKeys[i].name());
            if (v != null) {
                checkIndexKey(i, v);
            }
        }
        for (IndexSchema index : sharded) {
            if (item.containsKey(index.rangeKey().orElseThrow().name()) && item.containsKey(hashKey.name())) {
                int shard = shardOf(item, index.shards());
                item.put(index.hashKeyName(), AttributeValue.fromN(Integer.toString(shard)));
            }
        }
        return item;
    }

    /**
     * Loads an item into an instance: declared attributes are converted and set; those the item
     * lacks become null (or their default); attributes the model does not declare are ignored here.
     *
     * @param item the item
     * @param model the instance
     */
    void readItem(Map<String, AttributeValue> item, Object model) {
        try {
            for (GeneratedItems g : generated) {
                g.read(item, model);
            }
            read(rest, item, model);
        } catch (RuntimeException | LinkageError e) {
            if (generated.length == 0) {
                throw e;
            }
            read(attributes, item, model); // as in toItem: the same failure, naming the attribute
        }
    }

    /** @return the fields generated item code moves, in the order of the attributes */
    List<String> itemCodeFields() {
        List<AttributeSchema> others = List.of(rest);
        return java.util.Arrays.stream(attributes).filter(a -> !others.contains(a)).map(AttributeSchema::fieldName).toList();
    }

    private static void read(AttributeSchema[] attributes, Map<String, AttributeValue> item, Object model) {
        for (AttributeSchema a : attributes) {
            a.write(model, item.get(a.name()));
        }
    }

    private static void write(AttributeSchema[] attributes, Object model, Map<String, AttributeValue> item) {
        for (AttributeSchema a : attributes) {
            AttributeValue v = a.read(model);
            if (v != null) {
                item.put(a.name(), v);
            }
        }
    }

    /**
     * Copies every attribute's value from one instance to another (no conversion, cannot fail
     * half-way): how a reload replaces a record's fields only once the whole item was read.
     *
     * @param from the instance to read
     * @param to the instance to write
     */
    void copyAttributes(Object from, Object to) {
        for (AttributeSchema a : attributes) {
            a.set(to, a.get(from));
        }
    }

    /**
     * The shard a record's item belongs to in a sharded range index: derived from its key, so it
     * never changes while the record lives and spreads records evenly.
     *
     * @param key the record's key
     * @param shards the number of shards
     * @return a shard in {@code [0, shards)}
     */
    int shardOf(Map<String, AttributeValue> key, int shards) {
        int h = keyText(key.get(hashKey.name())) * 31;
        if (rangeKey != null) {
            h += keyText(key.get(rangeKey.name()));
        }
        return Math.floorMod(h, shards);
    }

    private static int keyText(AttributeValue v) {
        if (v == null) {
            return 0;
        }
        // Numbers by value: DynamoDB gives "1.50" back as "1.5", and the shard must not move on the next save.
        return v.s() != null ? v.s().hashCode() : v.n() != null ? new java.math.BigDecimal(v.n()).stripTrailingZeros().hashCode()
                : v.b().asByteBuffer().hashCode();
    }

    /**
     * The primary key of a model instance.
     *
     * @param model the instance
     * @return the key attributes
     * @throws InvalidKeyException when a key part is missing, empty or too long
     */
    Map<String, AttributeValue> keyOf(Object model) {
        return keyItem(hashKey.get(model), rangeKey == null ? null : rangeKey.get(model), rangeKey != null);
    }

    /**
     * The primary key for given values, as {@code find.byId(hash, range)} passes them.
     *
     * @param hash the hash key value
     * @param range the range key value, or null when the table has none
     * @return the key attributes
     * @throws InvalidKeyException when a part is missing, empty, too long, or given for a table without it
     * @throws dev.dynarecord.exception.ConversionException when a part has the wrong type
     */
    Map<String, AttributeValue> key(Object hash, Object range) {
        if (rangeKey == null && range != null) {
            throw new InvalidKeyException(modelName + " has no range key, but one was given (" + range
                    + "); look it up by its hash key alone");
        }
        Object h = hashKey.coerce(hash);
        Object r = rangeKey == null ? null : rangeKey.coerce(range);
        return keyItem(h, r, rangeKey != null);
    }

    private Map<String, AttributeValue> keyItem(Object hash, Object range, boolean needsRange) {
        AttributeValue h = keyPart(hashKey, hash, MAX_HASH_KEY_BYTES);
        return needsRange ? Map.of(hashKey.name(), h, rangeKey.name(), keyPart(rangeKey, range, MAX_RANGE_KEY_BYTES))
                : Map.of(hashKey.name(), h);
    }

    /**
     * The key of an item about to be written from a record, checked like {@link #keyOf(Object)} but
     * taken from the item's already converted values.
     *
     * @param item the item {@link #toItem(Object)} made
     * @return the key attributes
     * @throws InvalidKeyException when a key part is missing, empty or too long
     */
    Map<String, AttributeValue> keyOfItem(Map<String, AttributeValue> item) {
        AttributeValue hash = checkedKeyPart(hashKey, item.get(hashKey.name()), MAX_HASH_KEY_BYTES);
        return rangeKey == null ? Map.of(hashKey.name(), hash)
                : Map.of(hashKey.name(), hash, rangeKey.name(), checkedKeyPart(rangeKey, item.get(rangeKey.name()), MAX_RANGE_KEY_BYTES));
    }

    private AttributeValue keyPart(AttributeSchema key, Object value, int maxBytes) {
        return checkedKeyPart(key, value == null ? null : key.toAttributeValue(value), maxBytes);
    }

    private AttributeValue checkedKeyPart(AttributeSchema key, AttributeValue v, int maxBytes) {
        String role = key.keyRole() == KeyRole.HASH ? "hash key" : "range key";
        if (v == null) {
            throw new InvalidKeyException(modelName + "." + key.fieldName() + " (" + role + ") is missing; set it before"
                    + " saving or finding" + (key.keyRole() == KeyRole.HASH && generatesHashKey ? " (new records get one generated)" : ""));
        }
        checkKeyValue(key, role, v, maxBytes, "");
        if (key.attributeType() == AttributeType.N && v.n() == null) {
            throw new InvalidKeyException(modelName + "." + key.fieldName() + " (" + role + ") did not convert to a number");
        }
        return v;
    }

    /**
     * Checks a value of a key attribute (of the table or of an index) against DynamoDB's rules for
     * key values: not an empty string or empty binary, and at most {@code maxBytes} bytes.
     *
     * @param key the key attribute
     * @param role its part in the key, for the message: "hash key", "range key of global index x"...
     * @param v the value
     * @param maxBytes {@link ModelSchema#MAX_HASH_KEY_BYTES} or {@link ModelSchema#MAX_RANGE_KEY_BYTES}
     * @param fix what to do about an empty value, appended to the message (may be empty)
     * @throws InvalidKeyException when the value is empty or too long
     */
    void checkKeyValue(AttributeSchema key, String role, AttributeValue v, int maxBytes, String fix) {
        String text = v.s();
        if (text != null && !text.isEmpty() && text.length() <= maxBytes / MAX_UTF8_BYTES_PER_CHAR) {
            return; // not empty, and too short to pass the limit in any characters: nothing to count
        }
        int bytes = text != null ? utf8Length(text) : v.b() != null ? v.b().asByteArrayUnsafe().length : -1;
        if (bytes == 0) {
            throw new InvalidKeyException(modelName + "." + key.fieldName() + " (" + role
                    + ") is empty; DynamoDB keys cannot be empty strings or empty binary" + fix);
        }
        if (bytes > maxBytes) {
            throw new InvalidKeyException(modelName + "." + key.fieldName() + " (" + role + ") is " + bytes
                    + " bytes; DynamoDB allows at most " + maxBytes + " bytes for a " + (maxBytes == MAX_HASH_KEY_BYTES
                            ? "hash key" : "range key"));
        }
    }

    /**
     * Checks a value given to an attribute that is a key of secondary indexes (and not of the
     * table), as a save or an atomic update gives it.
     *
     * @param a the attribute
     * @param v its new value
     * @throws InvalidKeyException when the value is empty or too long for one of its indexes
     */
    void checkIndexKeys(AttributeSchema a, AttributeValue v) {
        for (int i = 0; i < indexKeys.length; i++) {
            if (indexKeys[i] == a) {
                checkIndexKey(i, v);
            }
        }
    }

    private void checkIndexKey(int i, AttributeValue v) {
        checkKeyValue(indexKeys[i], indexKeyRoles[i], v, indexKeyLimits[i], ": give it a value, or leave it null (a record"
                + " without it is not in the index)");
    }

    /** A UTF-16 char is at most 3 bytes in UTF-8 (a surrogate pair, two chars, is 4). */
    private static final int MAX_UTF8_BYTES_PER_CHAR = 3;

    /** The UTF-8 length of a string, without encoding it (keys are checked on every save and find). */
    private static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    /**
     * What tells a key from the other keys of this table, cheaper to hash and compare than the key's
     * map (an {@code AttributeValue} hashes and compares all its ten fields, every time): the hash
     * key's string, number or bytes, paired with the range key's for a composite key. Two keys (or
     * items) of this table have equal identities exactly when DynamoDB takes them for the same key:
     * numbers are compared by value, as DynamoDB does ({@code 1.50} is stored, and answered, as
     * {@code 1.5}).
     *
     * @param keyOrItem a key of this table, or a whole item
     * @return its identity, for sets and maps of keys
     */
    Object keyIdentity(Map<String, AttributeValue> keyOrItem) {
        Object hash = scalar(keyOrItem.get(hashKey.name()));
        return rangeKey == null ? hash : new CompositeKey(hash, scalar(keyOrItem.get(rangeKey.name())));
    }

    private static Object scalar(AttributeValue v) {
        // A key attribute has one type in a table (S, N or B), so the text alone cannot mix two kinds.
        return v == null ? null : v.s() != null ? v.s() : v.n() != null ? number(v.n()) : v.b();
    }

    /** A number's text as DynamoDB normalises it; plain integers, the usual keys, as they are. */
    private static String number(String n) {
        int start = n.startsWith("-") ? 1 : 0;
        boolean plain = n.length() > start && (n.charAt(start) != '0' || n.length() == start + 1) && !n.equals("-0");
        for (int i = start; plain && i < n.length(); i++) {
            plain = n.charAt(i) >= '0' && n.charAt(i) <= '9';
        }
        if (plain) {
            return n;
        }
        java.math.BigDecimal d = new java.math.BigDecimal(n);
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** The identity of a hash-and-range key. */
    private record CompositeKey(Object hash, Object range) {
    }

    /**
     * The key of an item as read from DynamoDB: its key attributes as they are, nothing converted.
     *
     * @param item a whole item of this model's table
     * @return the key attributes
     */
    Map<String, AttributeValue> keyFromItem(Map<String, AttributeValue> item) {
        return rangeKey == null ? Map.of(hashKey.name(), item.get(hashKey.name()))
                : Map.of(hashKey.name(), item.get(hashKey.name()), rangeKey.name(), item.get(rangeKey.name()));
    }
}
