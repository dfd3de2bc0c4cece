package dev.dynarecord.benchmarks.model;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** The nested model, Enhanced Client flavour: nested {@link NestedAddressBean}s, one and a list. */
@DynamoDbBean
public class NestedBean {
    private String id;
    private String name;
    private NestedAddressBean home;
    private List<NestedAddressBean> previous;

    /** For the mapper. */
    public NestedBean() {
    }

    /**
     * A copy (the addresses are shared: they are not changed).
     *
     * @param o the bean to copy
     */
    public NestedBean(NestedBean o) {
        this.id = o.id;
        this.name = o.name;
        this.home = o.home;
        this.previous = o.previous;
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

    /** @return home */
    public NestedAddressBean getHome() {
        return home;
    }

    /** @param home home */
    public void setHome(NestedAddressBean home) {
        this.home = home;
    }

    /** @return previous */
    public List<NestedAddressBean> getPrevious() {
        return previous;
    }

    /** @param previous previous */
    public void setPrevious(List<NestedAddressBean> previous) {
        this.previous = previous;
    }
}
