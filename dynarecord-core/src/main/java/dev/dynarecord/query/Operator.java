package dev.dynarecord.query;

import java.util.Locale;
import java.util.Optional;

/**
 * The comparison of a query condition. In the string form of {@code where} an operator follows the
 * field after a dot: {@code where("createdAt.gt", t)}; a field alone means {@link #EQ}.
 */
public enum Operator {
    /** Equal ({@code =}); a key condition on hash and range keys. */
    EQ("eq", 1),
    /** Not equal ({@code <>}); always a filter. */
    NE("ne", 1),
    /** Greater than; a key condition on range keys. */
    GT("gt", 1),
    /** Greater than or equal; a key condition on range keys. */
    GTE("gte", 1),
    /** Less than; a key condition on range keys. */
    LT("lt", 1),
    /** Less than or equal; a key condition on range keys. */
    LTE("lte", 1),
    /** Between two values, both included; a key condition on range keys. */
    BETWEEN("between", 2),
    /** A string or binary prefix; a key condition on range keys. */
    BEGINS_WITH("begins_with", 1),
    /** Equal to one of up to 100 values; always a filter. */
    IN("in", -1),
    /** A substring of a string, or an element of a set or list; always a filter. */
    CONTAINS("contains", 1),
    /** The negation of {@link #CONTAINS}; always a filter. */
    NOT_CONTAINS("not_contains", 1),
    /** The attribute is present (not null); always a filter. Token aliases: {@code not_null}. */
    EXISTS("exists", 0),
    /** The attribute is absent (null); always a filter. Token aliases: {@code null}. */
    NOT_EXISTS("not_exists", 0);

    private final String token;
    private final int arity;

    Operator(String token, int arity) {
        this.token = token;
        this.arity = arity;
    }

    /** @return the token of the string form, as in {@code "rank.gte"} */
    public String token() {
        return token;
    }

    /** @return how many values it takes: 0, 1, 2, or -1 for one or more */
    public int arity() {
        return arity;
    }

    /** @return whether it can be a key condition on a range key (eq, gt, gte, lt, lte, between, begins_with) */
    public boolean rangeKeyCondition() {
        return this == EQ || this == GT || this == GTE || this == LT || this == LTE || this == BETWEEN || this == BEGINS_WITH;
    }

    /**
     * Finds an operator by its token, case-insensitively; {@code null} and {@code not_null} are
     * aliases of {@link #NOT_EXISTS} and {@link #EXISTS}.
     *
     * @param token the token
     * @return the operator, if the token names one
     */
    public static Optional<Operator> fromToken(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        switch (t) {
            case "null":
                return Optional.of(NOT_EXISTS);
            case "not_null":
                return Optional.of(EXISTS);
            default:
                for (Operator o : values()) {
                    if (o.token.equals(t)) {
                        return Optional.of(o);
                    }
                }
                return Optional.empty();
        }
    }
}
