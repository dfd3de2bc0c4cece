package dev.dynarecord.benchmarks.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The large model, raw flavour: plain fields, mapped by {@link LargeRawMapper}. */
public final class LargePojo {

    /** Stored as id. */
    public String id;
    /** Stored as title. */
    public String title;
    /** Stored as description. */
    public String description;
    /** Stored as category. */
    public String category;
    /** Stored as owner. */
    public String owner;
    /** Stored as notes. */
    public String notes;
    /** Stored as region. */
    public String region;
    /** Stored as locale. */
    public String locale;
    /** Stored as status. */
    public LargeStatus status;
    /** Stored as externalId. */
    public UUID externalId;
    /** Stored as count. */
    public int count;
    /** Stored as quantity. */
    public int quantity;
    /** Stored as level. */
    public int level;
    /** Stored as views. */
    public long views;
    /** Stored as size. */
    public long size;
    /** Stored as version. */
    public long version;
    /** Stored as ratio. */
    public double ratio;
    /** Stored as weight. */
    public double weight;
    /** Stored as discount. */
    public double discount;
    /** Stored as price. */
    public BigDecimal price;
    /** Stored as tax. */
    public BigDecimal tax;
    /** Stored as enabled. */
    public boolean enabled;
    /** Stored as archived. */
    public boolean archived;
    /** Stored as verified. */
    public boolean verified;
    /** Stored as createdOn. */
    public Instant createdOn;
    /** Stored as modifiedOn. */
    public Instant modifiedOn;
    /** Stored as birthday. */
    public LocalDate birthday;
    /** Stored as expiresOn. */
    public LocalDate expiresOn;
    /** Stored as scheduledAt. */
    public OffsetDateTime scheduledAt;
    /** Stored as tags. */
    public Set<String> tags;
    /** Stored as labels. */
    public Set<String> labels;
    /** Stored as scores. */
    public Set<Integer> scores;
    /** Stored as names. */
    public List<String> names;
    /** Stored as ranks. */
    public List<Integer> ranks;
    /** Stored as attributes. */
    public Map<String, String> attributes;
    /** Stored as counters. */
    public Map<String, Integer> counters;
    /** Stored as nested. */
    public Map<String, Map<String, String>> nested;
    /** Stored as rows. */
    public List<Map<String, String>> rows;
    /** Stored as settings. */
    public Map<String, Object> settings;
    /** Stored as payload. */
    public byte[] payload;

    /** Empty. */
    public LargePojo() {
    }

    /**
     * A copy (collections shared: nothing mutates them).
     *
     * @param o the instance to copy
     */
    public LargePojo(LargePojo o) {
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
