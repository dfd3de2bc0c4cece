package dev.dynarecord.it.document;

import dev.dynarecord.annotation.Field;
import jakarta.validation.constraints.NotBlank;

/** A record stored as a document; {@code postcode} is renamed {@code zip}. */
public record Address(String street, @NotBlank String city, @Field(name = "zip") String postcode) {
}
