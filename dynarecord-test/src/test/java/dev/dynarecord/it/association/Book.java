package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.AfterDestroy;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import java.util.concurrent.atomic.AtomicInteger;

/** A book: its library's key in {@code ownerRef}; its author is a {@link Member}. */
@Table(name = "assoc_books")
public class Book extends Model<Book> {
    public static final Finder<Book> find = finder(Book.class);
    /** How many after_destroy callbacks ran. */
    public static final AtomicInteger DESTROYED = new AtomicInteger();

    @Field public String title;

    public final BelongsTo<Library> library = belongsTo(Library.class).foreignKey("ownerRef");
    public final BelongsTo<Member> author = belongsTo(Member.class);

    @AfterDestroy void countDestroy() {
        DESTROYED.incrementAndGet();
    }
}
