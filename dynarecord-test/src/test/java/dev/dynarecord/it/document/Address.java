package dev.dynarecord.it.document;

import dev.dynarecord.annotation.Field;

/** A record stored as a document; {@code postcode} is renamed {@code zip}. */
public record Address(String street, String city, @Field(name = "zip") String postcode) {
}
