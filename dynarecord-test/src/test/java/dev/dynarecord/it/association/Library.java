package dev.dynarecord.it.association;

import dev.dynarecord.Finder;
import dev.dynarecord.HasAndBelongsToMany;
import dev.dynarecord.HasMany;
import dev.dynarecord.HasOne;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** Owner of books (renamed foreign key, deleted), notes (declared foreign key, nullified), a card and tags. */
@Table(name = "assoc_libraries")
public class Library extends Model<Library> {
    public static final Finder<Library> find = finder(Library.class);

    @Field public String name;

    public final HasMany<Book> books = hasMany(Book.class).foreignKey("ownerRef").dependent(Dependent.DELETE);
    public final HasMany<Note> notes = hasMany(Note.class).dependent(Dependent.NULLIFY);
    public final HasOne<Card> card = hasOne(Card.class);
    public final HasAndBelongsToMany<Tag> tags = hasAndBelongsToMany(Tag.class);
}
