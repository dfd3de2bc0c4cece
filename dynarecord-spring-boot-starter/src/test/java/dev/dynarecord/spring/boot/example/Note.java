package dev.dynarecord.spring.boot.example;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note of an author, kept under the author's id in the order written. */
@Table(name = "notes", timestamps = false)
public class Note extends Model<Note> {
    public static final Finder<Note> find = finder(Note.class);

    @HashKey public String authorId;
    @RangeKey public long at;
    @Field @NotBlank @Size(max = 280) public String text;
}
