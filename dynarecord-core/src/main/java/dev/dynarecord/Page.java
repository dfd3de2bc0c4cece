package dev.dynarecord;

import java.util.List;
import java.util.Optional;

/**
 * One page of a query's records, and the cursor of the next page, for web APIs:
 *
 * <pre>{@code
 * Page<Address> page = Address.find.where("city", "Chicago").page(20, request.cursor());
 * respond(page.items(), page.nextCursor().orElse(null));   // the client sends the cursor back
 * }</pre>
 *
 * <p>The cursor is URL-safe text. It is opaque, not secret: it holds the last record's key. It
 * only works with the query that wrote it; anything else is an
 * {@link dev.dynarecord.exception.InvalidCursorException}. Immutable.
 *
 * @param <T> the model type
 * @param items the records of this page, at most the page size
 * @param nextCursor the cursor of the next page; empty when this is the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    /**
     * @param items the records
     * @param nextCursor the next page's cursor
     */
    public Page {
        items = List.copyOf(items);
    }

    /** @return whether another page follows */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
