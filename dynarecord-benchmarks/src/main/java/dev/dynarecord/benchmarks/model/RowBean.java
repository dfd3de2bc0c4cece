package dev.dynarecord.benchmarks.model;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The end-to-end model, Enhanced Client flavour: the same attributes as {@link RowRecord}. */
@DynamoDbBean
public class RowBean {

    private String part;
    private int n;
    private String name;
    private String email;
    private int age;
    private boolean active;
    private double score;

    /** For the mapper. */
    public RowBean() {
    }

    /** @return the hash key */
    @DynamoDbPartitionKey
    public String getPart() {
        return part;
    }

    /** @param part the hash key */
    public void setPart(String part) {
        this.part = part;
    }

    /** @return the range key */
    @DynamoDbSortKey
    public int getN() {
        return n;
    }

    /** @param n the range key */
    public void setN(int n) {
        this.n = n;
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
