package dev.dynarecord.benchmarks.model;

/** The end-to-end model, raw flavour, mapped by {@link RowRawMapper}. */
public final class RowPojo {

    /** Hash key. */
    public String part;
    /** Range key. */
    public int n;
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
    public RowPojo() {
    }
}
