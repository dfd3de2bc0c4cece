package dev.dynarecord.it.document;

import dev.dynarecord.annotation.Field;
import dev.dynarecord.types.TimeFormat;
import java.time.Instant;

/** A class with {@code @Field}s stored as a document, mutable in place; a private no-arg constructor will do. */
public class Geo {
    @Field public double lat;
    @Field public double lon;
    @Field(timeFormat = TimeFormat.EPOCH_SECONDS) public Instant measuredAt;
    @Field public Place place;
    public String notStored = "x";

    Geo() {
    }

    public Geo(double lat, double lon, Instant measuredAt, Place place) {
        this.lat = lat;
        this.lon = lon;
        this.measuredAt = measuredAt;
        this.place = place;
    }

    /** The second level: a record holding a third. */
    public record Place(String name, Building building) {
    }

    /** The third level, its number through a converter of its own. */
    public record Building(@Field(converter = FloorConverter.class) Integer floor, String label) {
    }
}
