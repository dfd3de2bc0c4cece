package dev.dynarecord.examples;

import dev.dynarecord.annotation.Field;

/**
 * A postal address embedded in a {@link Customer}: a record, stored as a DynamoDB map
 * ({@code {street, city, zip}}); {@code postcode} is stored as {@code zip}.
 *
 * @param street the street and number
 * @param city the city
 * @param postcode the postal code, stored as {@code zip}
 */
public record PostalAddress(String street, String city, @Field(name = "zip") String postcode) {
}
