package dev.dynarecord.benchmarks.model;

import java.util.List;

/** The nested model, raw flavour: plain fields, mapped by {@link NestedRawMapper}. */
public final class NestedPojo {

    /** Hash key. */
    public String id;
    /** S. */
    public String name;
    /** M. */
    public NestedAddress home;
    /** L of M. */
    public List<NestedAddress> previous;

    /** Empty. */
    public NestedPojo() {
    }

    /**
     * A copy.
     *
     * @param o the pojo to copy
     */
    public NestedPojo(NestedPojo o) {
        this.id = o.id;
        this.name = o.name;
        this.home = o.home;
        this.previous = o.previous;
    }

    /** @return the nested model's values: a name, a home and three previous addresses */
    public static NestedPojo fixture() {
        NestedPojo p = new NestedPojo();
        p.id = "customer-000000001";
        p.name = "Ada Lovelace";
        p.home = new NestedAddress("12 St James's Square", "London", "SW1Y 4JH");
        p.previous = List.of(new NestedAddress("1 Main St", "Chicago", "60601"),
                new NestedAddress("2 Oak Ave", "Boston", "02101"), new NestedAddress("3 Loop Rd", "Denver", "80202"));
        return p;
    }

    /** @return a Dynarecord record equal to {@link #fixture()} */
    public static NestedRecord fixtureRecord() {
        NestedPojo p = fixture();
        NestedRecord r = new NestedRecord();
        r.id = p.id;
        r.name = p.name;
        r.home = p.home;
        r.previous = p.previous;
        return r;
    }

    /** @return an Enhanced bean equal to {@link #fixture()} */
    public static NestedBean fixtureBean() {
        NestedPojo p = fixture();
        NestedBean b = new NestedBean();
        b.setId(p.id);
        b.setName(p.name);
        b.setHome(new NestedAddressBean(p.home));
        b.setPrevious(p.previous.stream().map(NestedAddressBean::new).toList());
        return b;
    }
}
