package dev.dynarecord.spring.boot.example;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** An author: a name (its message comes from Spring's messages.properties) and an optional email. */
@Table(name = "authors")
public class Author extends Model<Author> {
    public static final Finder<Author> find = finder(Author.class);

    @Field @NotBlank(message = "{author.name.required}") public String name;
    @Field @Email public String email;
}
