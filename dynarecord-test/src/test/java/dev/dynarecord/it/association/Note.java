package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.Table;

/** A note that declares its foreign-key field itself, with an index ordered by position. */
@Table(name = "assoc_notes")
public class Note extends Model<Note> {
    public static final Finder<Note> find = finder(Note.class);

    @Field @GlobalIndex(rangeKey = "position") public String libraryId;
    @Field public int position;
    @Field public String text;

    public final BelongsTo<Library> library = belongsTo(Library.class);
}
