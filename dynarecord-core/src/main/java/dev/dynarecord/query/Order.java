package dev.dynarecord.query;

/** The order of a Query's results on the range key of the table or index it reads. */
public enum Order {
    /** Ascending, DynamoDB's default. */
    ASC,
    /** Descending ({@code ScanIndexForward = false}). */
    DESC
}
