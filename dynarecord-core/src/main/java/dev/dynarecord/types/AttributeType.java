package dev.dynarecord.types;

/** The DynamoDB attribute types, as a converter declares what it stores. */
public enum AttributeType {
    /** String. */
    S,
    /** Number, sent as text: up to 38 significant digits. */
    N,
    /** Binary. */
    B,
    /** Boolean. */
    BOOL,
    /** String set: never empty. */
    SS,
    /** Number set: never empty. */
    NS,
    /** Binary set: never empty. */
    BS,
    /** List of any values. */
    L,
    /** Map from string to any value. */
    M;

    /**
     * Whether a key attribute (table or index) may have this type.
     *
     * @return {@code true} for S, N and B
     */
    public boolean isKeyType() {
        return this == S || this == N || this == B;
    }
}
