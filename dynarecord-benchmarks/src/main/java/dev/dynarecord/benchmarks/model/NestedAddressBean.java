package dev.dynarecord.benchmarks.model;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** {@link NestedAddress}, Enhanced Client flavour: a nested {@code @DynamoDbBean}, stored as a map. */
@DynamoDbBean
public class NestedAddressBean {
    private String street;
    private String city;
    private String zip;

    /** For the mapper. */
    public NestedAddressBean() {
    }

    /**
     * @param a the address to copy
     */
    public NestedAddressBean(NestedAddress a) {
        this.street = a.street();
        this.city = a.city();
        this.zip = a.zip();
    }

    /** @return street */
    public String getStreet() {
        return street;
    }

    /** @param street street */
    public void setStreet(String street) {
        this.street = street;
    }

    /** @return city */
    public String getCity() {
        return city;
    }

    /** @param city city */
    public void setCity(String city) {
        this.city = city;
    }

    /** @return zip */
    public String getZip() {
        return zip;
    }

    /** @param zip zip */
    public void setZip(String zip) {
        this.zip = zip;
    }
}
