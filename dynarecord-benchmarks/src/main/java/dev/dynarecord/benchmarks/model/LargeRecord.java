package dev.dynarecord.benchmarks.model;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The large model, Dynarecord flavour: 40 attributes, generated from the same list as
 * {@link LargeBean} and {@link LargePojo}. No timestamps and no lock version.
 */
@Table(name = "large", timestamps = false, locking = false)
public class LargeRecord extends Model<LargeRecord> {

    /** The finder on the default session. */
    public static final Finder<LargeRecord> find = finder(LargeRecord.class);

    /** Stored as id. */
    @HashKey public String id;
    /** Stored as title. */
    @Field public String title;
    /** Stored as description. */
    @Field public String description;
    /** Stored as category. */
    @Field public String category;
    /** Stored as owner. */
    @Field public String owner;
    /** Stored as notes. */
    @Field public String notes;
    /** Stored as region. */
    @Field public String region;
    /** Stored as locale. */
    @Field public String locale;
    /** Stored as status. */
    @Field public LargeStatus status;
    /** Stored as externalId. */
    @Field public UUID externalId;
    /** Stored as count. */
    @Field public int count;
    /** Stored as quantity. */
    @Field public int quantity;
    /** Stored as level. */
    @Field public int level;
    /** Stored as views. */
    @Field public long views;
    /** Stored as size. */
    @Field public long size;
    /** Stored as version. */
    @Field public long version;
    /** Stored as ratio. */
    @Field public double ratio;
    /** Stored as weight. */
    @Field public double weight;
    /** Stored as discount. */
    @Field public double discount;
    /** Stored as price. */
    @Field public BigDecimal price;
    /** Stored as tax. */
    @Field public BigDecimal tax;
    /** Stored as enabled. */
    @Field public boolean enabled;
    /** Stored as archived. */
    @Field public boolean archived;
    /** Stored as verified. */
    @Field public boolean verified;
    /** Stored as createdOn. */
    @Field public Instant createdOn;
    /** Stored as modifiedOn. */
    @Field public Instant modifiedOn;
    /** Stored as birthday. */
    @Field public LocalDate birthday;
    /** Stored as expiresOn. */
    @Field public LocalDate expiresOn;
    /** Stored as scheduledAt. */
    @Field public OffsetDateTime scheduledAt;
    /** Stored as tags. */
    @Field public Set<String> tags;
    /** Stored as labels. */
    @Field public Set<String> labels;
    /** Stored as scores. */
    @Field public Set<Integer> scores;
    /** Stored as names. */
    @Field public List<String> names;
    /** Stored as ranks. */
    @Field public List<Integer> ranks;
    /** Stored as attributes. */
    @Field public Map<String, String> attributes;
    /** Stored as counters. */
    @Field public Map<String, Integer> counters;
    /** Stored as nested. */
    @Field public Map<String, Map<String, String>> nested;
    /** Stored as rows. */
    @Field public List<Map<String, String>> rows;
    /** Stored as settings. */
    @Field(serialized = true) public Map<String, Object> settings;
    /** Stored as payload. */
    @Field public byte[] payload;

    /** For the mapper. */
    public LargeRecord() {
    }

    /**
     * A copy (collections shared: nothing mutates them).
     *
     * @param o the instance to copy
     */
    public LargeRecord(LargeRecord o) {
        this.id = o.id;
        this.title = o.title;
        this.description = o.description;
        this.category = o.category;
        this.owner = o.owner;
        this.notes = o.notes;
        this.region = o.region;
        this.locale = o.locale;
        this.status = o.status;
        this.externalId = o.externalId;
        this.count = o.count;
        this.quantity = o.quantity;
        this.level = o.level;
        this.views = o.views;
        this.size = o.size;
        this.version = o.version;
        this.ratio = o.ratio;
        this.weight = o.weight;
        this.discount = o.discount;
        this.price = o.price;
        this.tax = o.tax;
        this.enabled = o.enabled;
        this.archived = o.archived;
        this.verified = o.verified;
        this.createdOn = o.createdOn;
        this.modifiedOn = o.modifiedOn;
        this.birthday = o.birthday;
        this.expiresOn = o.expiresOn;
        this.scheduledAt = o.scheduledAt;
        this.tags = o.tags;
        this.labels = o.labels;
        this.scores = o.scores;
        this.names = o.names;
        this.ranks = o.ranks;
        this.attributes = o.attributes;
        this.counters = o.counters;
        this.nested = o.nested;
        this.rows = o.rows;
        this.settings = o.settings;
        this.payload = o.payload;
    }
}
