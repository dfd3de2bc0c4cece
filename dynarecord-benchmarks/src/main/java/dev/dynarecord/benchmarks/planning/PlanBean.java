package dev.dynarecord.benchmarks.planning;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The planning benchmark's model, Enhanced Client flavour: the same attributes as {@link PlanRecord}. */
@DynamoDbBean
public class PlanBean {

    private String name;
    private int age;
    private String status;

    /** @return the hash key */
    @DynamoDbPartitionKey
    public String getName() {
        return name;
    }

    /** @param name the hash key */
    public void setName(String name) {
        this.name = name;
    }

    /** @return the range key */
    @DynamoDbSortKey
    public int getAge() {
        return age;
    }

    /** @param age the range key */
    public void setAge(int age) {
        this.age = age;
    }

    /** @return status */
    public String getStatus() {
        return status;
    }

    /** @param status status */
    public void setStatus(String status) {
        this.status = status;
    }
}
