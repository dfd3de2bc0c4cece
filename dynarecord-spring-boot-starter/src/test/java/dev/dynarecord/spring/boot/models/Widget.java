package dev.dynarecord.spring.boot.models;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import jakarta.validation.constraints.NotBlank;

/** A model the starter's tests scan for. */
@Table(name = "widgets")
public class Widget extends Model<Widget> {
    public static final Finder<Widget> find = finder(Widget.class);

    @Field @NotBlank public String name;
}
