package dev.dynarecord.benchmarks.model;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** The small model, Enhanced Client flavour: the same 6 attributes as {@link SmallRecord}. */
@DynamoDbBean
public class SmallBean {

    private String id;
    private String name;
    private String email;
    private int age;
    private boolean active;
    private double score;

    /** For the mapper. */
    public SmallBean() {
    }

    /**
     * A copy.
     *
     * @param o the bean to copy
     */
    public SmallBean(SmallBean o) {
        this.id = o.id;
        this.name = o.name;
        this.email = o.email;
        this.age = o.age;
        this.active = o.active;
        this.score = o.score;
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
}
