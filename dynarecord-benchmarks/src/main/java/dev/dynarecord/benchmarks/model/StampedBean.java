package dev.dynarecord.benchmarks.model;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The small model with Dynarecord's defaults, Enhanced Client flavour: the same 9 attributes as
 * {@link StampedRecord}. The code that writes it sets the id, the timestamps and the lock version
 * itself: {@code lockVersion} is a plain attribute, not a {@code @DynamoDbVersionAttribute}, whose
 * extension adds a condition that BatchWriteItem refuses. The timestamps use the Enhanced default
 * converter ({@code Instant.toString()}, which drops trailing zero fraction digits where Dynarecord
 * writes nine).
 */
@DynamoDbBean
public class StampedBean {
    private String id;
    private String name;
    private String email;
    private int age;
    private boolean active;
    private double score;
    private Instant createdAt;
    private Instant updatedAt;
    private long lockVersion;

    /** For the mapper. */
    public StampedBean() {
    }

    /**
     * A copy.
     *
     * @param o the bean to copy
     */
    public StampedBean(StampedBean o) {
        this.id = o.id;
        this.name = o.name;
        this.email = o.email;
        this.age = o.age;
        this.active = o.active;
        this.score = o.score;
        this.createdAt = o.createdAt;
        this.updatedAt = o.updatedAt;
        this.lockVersion = o.lockVersion;
    }

    /** @return the hash key */
    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    /** @param id the hash key */
    public void setId(String id) {
        this.id = id;
    }

    /** @return name */
    public String getName() {
        return name;
    }

    /** @param name name */
    public void setName(String name) {
        this.name = name;
    }

    /** @return email */
    public String getEmail() {
        return email;
    }

    /** @param email email */
    public void setEmail(String email) {
        this.email = email;
    }

    /** @return age */
    public int getAge() {
        return age;
    }

    /** @param age age */
    public void setAge(int age) {
        this.age = age;
    }

    /** @return active */
    public boolean isActive() {
        return active;
    }

    /** @param active active */
    public void setActive(boolean active) {
        this.active = active;
    }

    /** @return score */
    public double getScore() {
        return score;
    }

    /** @param score score */
    public void setScore(double score) {
        this.score = score;
    }

    /** @return createdAt */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /** @param createdAt createdAt */
    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** @return updatedAt */
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** @param updatedAt updatedAt */
    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** @return lockVersion */
    public long getLockVersion() {
        return lockVersion;
    }

    /** @param lockVersion lockVersion */
    public void setLockVersion(long lockVersion) {
        this.lockVersion = lockVersion;
    }
}
