package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** A library's one card (has_one with the default, nullify). */
@Table(name = "assoc_cards")
public class Card extends Model<Card> {
    public static final Finder<Card> find = finder(Card.class);

    @Field public String code;

    public final BelongsTo<Library> library = belongsTo(Library.class);
}
