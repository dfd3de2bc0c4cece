package dev.dynarecord.benchmarks.model;

/** The small model, raw flavour: plain fields, mapped by {@link SmallRawMapper}. */
public final class SmallPojo {

    /** Hash key. */
    public String id;
    /** S. */
    public String name;
    /** S. */
    public String email;
    /** N. */
    public int age;
    /** BOOL. */
    public boolean active;
    /** N. */
    public double score;

    /** Empty. */
    public SmallPojo() {
    }

    /**
     * A copy.
     *
     * @param o the pojo to copy
     */
    public SmallPojo(SmallPojo o) {
        this.id = o.id;
        this.name = o.name;
        this.email = o.email;
        this.age = o.age;
        this.active = o.active;
        this.score = o.score;
    }
}
