package dev.dynarecord.benchmarks.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbConvertedBy;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The large model, Enhanced Client flavour: the same 40 attributes as {@link LargeRecord}, with the
 * Enhanced Client's default converters except for {@code settings} (JSON through Jackson, as
 * Dynarecord's {@code serialized = true}).
 *
 * <p>Times: the Enhanced defaults write {@code Instant.toString()} / {@code OffsetDateTime.toString()},
 * which drop trailing zero fraction digits, while Dynarecord always writes nine. The fixtures use
 * nanosecond values with a non-zero last digit (and non-zero seconds), for which both texts are
 * identical, so no custom converter is needed and the Enhanced Client is measured with its defaults.
 * {@link Equivalence} checks the items are equal.
 */
@DynamoDbBean
public class LargeBean {

    private String id;
    private String title;
    private String description;
    private String category;
    private String owner;
    private String notes;
    private String region;
    private String locale;
    private LargeStatus status;
    private UUID externalId;
    private int count;
    private int quantity;
    private int level;
    private long views;
    private long size;
    private long version;
    private double ratio;
    private double weight;
    private double discount;
    private BigDecimal price;
    private BigDecimal tax;
    private boolean enabled;
    private boolean archived;
    private boolean verified;
    private Instant createdOn;
    private Instant modifiedOn;
    private LocalDate birthday;
    private LocalDate expiresOn;
    private OffsetDateTime scheduledAt;
    private Set<String> tags;
    private Set<String> labels;
    private Set<Integer> scores;
    private List<String> names;
    private List<Integer> ranks;
    private Map<String, String> attributes;
    private Map<String, Integer> counters;
    private Map<String, Map<String, String>> nested;
    private List<Map<String, String>> rows;
    private Map<String, Object> settings;
    private byte[] payload;

    /** For the mapper. */
    public LargeBean() {
    }

    /**
     * A copy (collections shared: nothing mutates them).
     *
     * @param o the instance to copy
     */
    public LargeBean(LargeBean o) {
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

    /** @return id */
    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    /** @param id id */
    public void setId(String id) {
        this.id = id;
    }

    /** @return title */
    public String getTitle() {
        return title;
    }

    /** @param title title */
    public void setTitle(String title) {
        this.title = title;
    }

    /** @return description */
    public String getDescription() {
        return description;
    }

    /** @param description description */
    public void setDescription(String description) {
        this.description = description;
    }

    /** @return category */
    public String getCategory() {
        return category;
    }

    /** @param category category */
    public void setCategory(String category) {
        this.category = category;
    }

    /** @return owner */
    public String getOwner() {
        return owner;
    }

    /** @param owner owner */
    public void setOwner(String owner) {
        this.owner = owner;
    }

    /** @return notes */
    public String getNotes() {
        return notes;
    }

    /** @param notes notes */
    public void setNotes(String notes) {
        this.notes = notes;
    }

    /** @return region */
    public String getRegion() {
        return region;
    }

    /** @param region region */
    public void setRegion(String region) {
        this.region = region;
    }

    /** @return locale */
    public String getLocale() {
        return locale;
    }

    /** @param locale locale */
    public void setLocale(String locale) {
        this.locale = locale;
    }

    /** @return status */
    public LargeStatus getStatus() {
        return status;
    }

    /** @param status status */
    public void setStatus(LargeStatus status) {
        this.status = status;
    }

    /** @return externalId */
    public UUID getExternalId() {
        return externalId;
    }

    /** @param externalId externalId */
    public void setExternalId(UUID externalId) {
        this.externalId = externalId;
    }

    /** @return count */
    public int getCount() {
        return count;
    }

    /** @param count count */
    public void setCount(int count) {
        this.count = count;
    }

    /** @return quantity */
    public int getQuantity() {
        return quantity;
    }

    /** @param quantity quantity */
    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    /** @return level */
    public int getLevel() {
        return level;
    }

    /** @param level level */
    public void setLevel(int level) {
        this.level = level;
    }

    /** @return views */
    public long getViews() {
        return views;
    }

    /** @param views views */
    public void setViews(long views) {
        this.views = views;
    }

    /** @return size */
    public long getSize() {
        return size;
    }

    /** @param size size */
    public void setSize(long size) {
        this.size = size;
    }

    /** @return version */
    public long getVersion() {
        return version;
    }

    /** @param version version */
    public void setVersion(long version) {
        this.version = version;
    }

    /** @return ratio */
    public double getRatio() {
        return ratio;
    }

    /** @param ratio ratio */
    public void setRatio(double ratio) {
        this.ratio = ratio;
    }

    /** @return weight */
    public double getWeight() {
        return weight;
    }

    /** @param weight weight */
    public void setWeight(double weight) {
        this.weight = weight;
    }

    /** @return discount */
    public double getDiscount() {
        return discount;
    }

    /** @param discount discount */
    public void setDiscount(double discount) {
        this.discount = discount;
    }

    /** @return price */
    public BigDecimal getPrice() {
        return price;
    }

    /** @param price price */
    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    /** @return tax */
    public BigDecimal getTax() {
        return tax;
    }

    /** @param tax tax */
    public void setTax(BigDecimal tax) {
        this.tax = tax;
    }

    /** @return enabled */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled enabled */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return archived */
    public boolean isArchived() {
        return archived;
    }

    /** @param archived archived */
    public void setArchived(boolean archived) {
        this.archived = archived;
    }

    /** @return verified */
    public boolean isVerified() {
        return verified;
    }

    /** @param verified verified */
    public void setVerified(boolean verified) {
        this.verified = verified;
    }

    /** @return createdOn */
    public Instant getCreatedOn() {
        return createdOn;
    }

    /** @param createdOn createdOn */
    public void setCreatedOn(Instant createdOn) {
        this.createdOn = createdOn;
    }

    /** @return modifiedOn */
    public Instant getModifiedOn() {
        return modifiedOn;
    }

    /** @param modifiedOn modifiedOn */
    public void setModifiedOn(Instant modifiedOn) {
        this.modifiedOn = modifiedOn;
    }

    /** @return birthday */
    public LocalDate getBirthday() {
        return birthday;
    }

    /** @param birthday birthday */
    public void setBirthday(LocalDate birthday) {
        this.birthday = birthday;
    }

    /** @return expiresOn */
    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    /** @param expiresOn expiresOn */
    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    /** @return scheduledAt */
    public OffsetDateTime getScheduledAt() {
        return scheduledAt;
    }

    /** @param scheduledAt scheduledAt */
    public void setScheduledAt(OffsetDateTime scheduledAt) {
        this.scheduledAt = scheduledAt;
    }

    /** @return tags */
    public Set<String> getTags() {
        return tags;
    }

    /** @param tags tags */
    public void setTags(Set<String> tags) {
        this.tags = tags;
    }

    /** @return labels */
    public Set<String> getLabels() {
        return labels;
    }

    /** @param labels labels */
    public void setLabels(Set<String> labels) {
        this.labels = labels;
    }

    /** @return scores */
    public Set<Integer> getScores() {
        return scores;
    }

    /** @param scores scores */
    public void setScores(Set<Integer> scores) {
        this.scores = scores;
    }

    /** @return names */
    public List<String> getNames() {
        return names;
    }

    /** @param names names */
    public void setNames(List<String> names) {
        this.names = names;
    }

    /** @return ranks */
    public List<Integer> getRanks() {
        return ranks;
    }

    /** @param ranks ranks */
    public void setRanks(List<Integer> ranks) {
        this.ranks = ranks;
    }

    /** @return attributes */
    public Map<String, String> getAttributes() {
        return attributes;
    }

    /** @param attributes attributes */
    public void setAttributes(Map<String, String> attributes) {
        this.attributes = attributes;
    }

    /** @return counters */
    public Map<String, Integer> getCounters() {
        return counters;
    }

    /** @param counters counters */
    public void setCounters(Map<String, Integer> counters) {
        this.counters = counters;
    }

    /** @return nested */
    public Map<String, Map<String, String>> getNested() {
        return nested;
    }

    /** @param nested nested */
    public void setNested(Map<String, Map<String, String>> nested) {
        this.nested = nested;
    }

    /** @return rows */
    public List<Map<String, String>> getRows() {
        return rows;
    }

    /** @param rows rows */
    public void setRows(List<Map<String, String>> rows) {
        this.rows = rows;
    }

    /** @return settings */
    @DynamoDbConvertedBy(JsonMapConverter.class)
    public Map<String, Object> getSettings() {
        return settings;
    }

    /** @param settings settings */
    public void setSettings(Map<String, Object> settings) {
        this.settings = settings;
    }

    /** @return payload */
    public byte[] getPayload() {
        return payload;
    }

    /** @param payload payload */
    public void setPayload(byte[] payload) {
        this.payload = payload;
    }
}
