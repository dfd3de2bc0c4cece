package dev.dynarecord.it.association;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** A small target of a has_and_belongs_to_many without an inverse. */
@Table(name = "assoc_tags")
public class Tag extends Model<Tag> {
    public static final Finder<Tag> find = finder(Tag.class);

    @Field public String label;
}
