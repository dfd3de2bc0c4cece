package dev.dynarecord.benchmarks.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Equal instances of each flavour, with deterministic values. Every flavour is built from one
 * {@link SmallPojo} / {@link LargePojo}, so the three cannot drift apart; {@link Equivalence}
 * checks that they also produce equal items.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** @return the small model's values */
    public static SmallPojo smallPojo() {
        SmallPojo p = new SmallPojo();
        p.id = "user-000000000001";
        p.name = "Ada Lovelace";
        p.email = "ada.lovelace@example.com";
        p.age = 36;
        p.active = true;
        p.score = 97.25;
        return p;
    }

    /** @return a Dynarecord record equal to {@link #smallPojo()} */
    public static SmallRecord smallRecord() {
        SmallPojo p = smallPojo();
        SmallRecord r = new SmallRecord();
        r.id = p.id;
        r.name = p.name;
        r.email = p.email;
        r.age = p.age;
        r.active = p.active;
        r.score = p.score;
        return r;
    }

    /** @return an Enhanced bean equal to {@link #smallPojo()} */
    public static SmallBean smallBean() {
        SmallPojo p = smallPojo();
        SmallBean b = new SmallBean();
        b.setId(p.id);
        b.setName(p.name);
        b.setEmail(p.email);
        b.setAge(p.age);
        b.setActive(p.active);
        b.setScore(p.score);
        return b;
    }

    /**
     * The values of a new record of the small model with Dynarecord's defaults, one per
     * {@code n}: no id, no timestamps, no lock version (the first write sets them).
     *
     * @param n which one
     * @return the values
     */
    public static StampedPojo newStampedPojo(int n) {
        StampedPojo p = new StampedPojo();
        p.name = "User " + n;
        p.email = "user." + n + "@example.com";
        p.age = 20 + n % 50;
        p.active = n % 2 == 0;
        p.score = 50 + n * 0.25;
        return p;
    }

    /**
     * @param n which one
     * @return a new Dynarecord record equal to {@link #newStampedPojo(int)}
     */
    public static StampedRecord newStampedRecord(int n) {
        StampedPojo p = newStampedPojo(n);
        StampedRecord r = new StampedRecord();
        r.name = p.name;
        r.email = p.email;
        r.age = p.age;
        r.active = p.active;
        r.score = p.score;
        return r;
    }

    /**
     * @param n which one
     * @return a new Enhanced bean equal to {@link #newStampedPojo(int)}
     */
    public static StampedBean newStampedBean(int n) {
        StampedPojo p = newStampedPojo(n);
        StampedBean b = new StampedBean();
        b.setName(p.name);
        b.setEmail(p.email);
        b.setAge(p.age);
        b.setActive(p.active);
        b.setScore(p.score);
        return b;
    }

    /**
     * A stored item of the small model with Dynarecord's defaults: {@link #newStampedPojo(int)}
     * after its first write, with the id {@code user-<n, 12 digits>}, timestamps whose nine fraction
     * digits end in a non-zero digit (so that the Enhanced default text is Dynarecord's), and
     * lock version 1.
     *
     * @param n which one
     * @return the values
     */
    public static StampedPojo storedStampedPojo(int n) {
        StampedPojo p = newStampedPojo(n);
        p.id = String.format(Locale.ROOT, "user-%012d", n);
        p.createdAt = Instant.parse("2026-11-21T09:30:15.123456789Z").plusSeconds(n);
        p.updatedAt = p.createdAt.plusSeconds(86_400 + n);
        p.lockVersion = 1;
        return p;
    }

    /**
     * The large model's values. Times have nine non-zero-ending fraction digits and non-zero
     * seconds, so {@code Instant.toString()} (the Enhanced default) writes the same text as
     * Dynarecord's fixed nine-digit form.
     *
     * @return the values
     */
    public static LargePojo largePojo() {
        LargePojo p = new LargePojo();
        p.id = "doc-000000000001";
        p.title = "Benchmarking object mappers for DynamoDB";
        p.description = "A longer piece of text, as a description field would hold: several words, some punctuation,"
                + " and enough characters to be more than a token.";
        p.category = "engineering";
        p.owner = "ada.lovelace@example.com";
        p.notes = "first draft; review on Monday";
        p.region = "eu-west-1";
        p.locale = "en-GB";
        p.status = LargeStatus.PUBLISHED;
        p.externalId = UUID.fromString("123e4567-e89b-42d3-a456-556642440000");
        p.count = 42;
        p.quantity = 1_250;
        p.level = 7;
        p.views = 9_876_543_210L;
        p.size = 1_048_576L;
        p.version = 17L;
        p.ratio = 0.618;
        p.weight = 72.5;
        p.discount = 12.75;
        p.price = new BigDecimal("12345.67");
        p.tax = new BigDecimal("0.19");
        p.enabled = true;
        p.archived = false;
        p.verified = true;
        p.createdOn = Instant.parse("2026-11-21T09:30:15.123456789Z");
        p.modifiedOn = Instant.parse("2026-11-22T18:45:59.987654321Z");
        p.birthday = LocalDate.of(1815, 12, 10);
        p.expiresOn = LocalDate.of(2027, 1, 31);
        p.scheduledAt = OffsetDateTime.parse("2026-11-23T11:32:17.111111111+02:00");
        p.tags = new LinkedHashSet<>(List.of("java", "dynamodb", "orm", "benchmark", "jmh"));
        p.labels = new LinkedHashSet<>(List.of("blue", "green", "red"));
        p.scores = new LinkedHashSet<>(List.of(3, 14, 159, 2653, 58979));
        p.names = new ArrayList<>(List.of("Ada", "Charles", "Grace", "Alan", "Edsger", "Barbara"));
        p.ranks = new ArrayList<>(List.of(1, 2, 3, 5, 8, 13, 21, 34));
        p.attributes = new LinkedHashMap<>(Map.of("colour", "teal", "shape", "round", "material", "oak", "finish", "matte"));
        p.counters = new LinkedHashMap<>(Map.of("likes", 120, "shares", 31, "comments", 9, "saves", 4));
        Map<String, Map<String, String>> nested = new LinkedHashMap<>();
        nested.put("home", new LinkedHashMap<>(Map.of("street", "12 Acacia Avenue", "city", "London", "zip", "N1 9GU")));
        nested.put("work", new LinkedHashMap<>(Map.of("street", "1 Infinite Loop", "city", "Cupertino", "zip", "95014")));
        nested.put("billing", new LinkedHashMap<>(Map.of("street", "PO Box 42", "city", "Leeds", "zip", "LS1 1AA")));
        p.nested = nested;
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(new LinkedHashMap<>(Map.of("sku", "SKU-" + (1000 + i), "title", "Item number " + i, "qty", Integer.toString(i + 1))));
        }
        p.rows = rows;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("theme", "dark");
        settings.put("fontSize", 14);
        settings.put("beta", true);
        settings.put("shortcuts", List.of("ctrl-s", "ctrl-k", "ctrl-p"));
        settings.put("limits", new LinkedHashMap<>(Map.of("daily", 100, "monthly", 3000)));
        p.settings = settings;
        byte[] payload = new byte[64];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        p.payload = payload;
        return p;
    }

    /** @return a Dynarecord record equal to {@link #largePojo()} */
    public static LargeRecord largeRecord() {
        return toRecord(largePojo());
    }

    /** @return an Enhanced bean equal to {@link #largePojo()} */
    public static LargeBean largeBean() {
        return toBean(largePojo());
    }

    /**
     * The i-th row of a partition, in each flavour.
     *
     * @param part the partition
     * @param n the range key
     * @return the values
     */
    public static RowPojo rowPojo(String part, int n) {
        RowPojo p = new RowPojo();
        p.part = part;
        p.n = n;
        p.name = "Person " + n;
        p.email = "person" + n + "@example.com";
        p.age = 18 + n % 60;
        p.active = n % 3 != 0;
        p.score = 50.5 + n % 50;
        return p;
    }

    /**
     * @param part the partition
     * @param n the range key
     * @return the row as a Dynarecord record
     */
    public static RowRecord rowRecord(String part, int n) {
        RowPojo p = rowPojo(part, n);
        RowRecord r = new RowRecord();
        r.part = p.part;
        r.n = p.n;
        r.name = p.name;
        r.email = p.email;
        r.age = p.age;
        r.active = p.active;
        r.score = p.score;
        return r;
    }

    /**
     * @param part the partition
     * @param n the range key
     * @return the row as an Enhanced bean
     */
    public static RowBean rowBean(String part, int n) {
        RowPojo p = rowPojo(part, n);
        RowBean b = new RowBean();
        b.setPart(p.part);
        b.setN(p.n);
        b.setName(p.name);
        b.setEmail(p.email);
        b.setAge(p.age);
        b.setActive(p.active);
        b.setScore(p.score);
        return b;
    }

    static LargeRecord toRecord(LargePojo p) {
        LargeRecord r = new LargeRecord();
        r.id = p.id;
        r.title = p.title;
        r.description = p.description;
        r.category = p.category;
        r.owner = p.owner;
        r.notes = p.notes;
        r.region = p.region;
        r.locale = p.locale;
        r.status = p.status;
        r.externalId = p.externalId;
        r.count = p.count;
        r.quantity = p.quantity;
        r.level = p.level;
        r.views = p.views;
        r.size = p.size;
        r.version = p.version;
        r.ratio = p.ratio;
        r.weight = p.weight;
        r.discount = p.discount;
        r.price = p.price;
        r.tax = p.tax;
        r.enabled = p.enabled;
        r.archived = p.archived;
        r.verified = p.verified;
        r.createdOn = p.createdOn;
        r.modifiedOn = p.modifiedOn;
        r.birthday = p.birthday;
        r.expiresOn = p.expiresOn;
        r.scheduledAt = p.scheduledAt;
        r.tags = p.tags;
        r.labels = p.labels;
        r.scores = p.scores;
        r.names = p.names;
        r.ranks = p.ranks;
        r.attributes = p.attributes;
        r.counters = p.counters;
        r.nested = p.nested;
        r.rows = p.rows;
        r.settings = p.settings;
        r.payload = p.payload;
        return r;
    }

    static LargeBean toBean(LargePojo p) {
        LargeBean b = new LargeBean();
        b.setId(p.id);
        b.setTitle(p.title);
        b.setDescription(p.description);
        b.setCategory(p.category);
        b.setOwner(p.owner);
        b.setNotes(p.notes);
        b.setRegion(p.region);
        b.setLocale(p.locale);
        b.setStatus(p.status);
        b.setExternalId(p.externalId);
        b.setCount(p.count);
        b.setQuantity(p.quantity);
        b.setLevel(p.level);
        b.setViews(p.views);
        b.setSize(p.size);
        b.setVersion(p.version);
        b.setRatio(p.ratio);
        b.setWeight(p.weight);
        b.setDiscount(p.discount);
        b.setPrice(p.price);
        b.setTax(p.tax);
        b.setEnabled(p.enabled);
        b.setArchived(p.archived);
        b.setVerified(p.verified);
        b.setCreatedOn(p.createdOn);
        b.setModifiedOn(p.modifiedOn);
        b.setBirthday(p.birthday);
        b.setExpiresOn(p.expiresOn);
        b.setScheduledAt(p.scheduledAt);
        b.setTags(p.tags);
        b.setLabels(p.labels);
        b.setScores(p.scores);
        b.setNames(p.names);
        b.setRanks(p.ranks);
        b.setAttributes(p.attributes);
        b.setCounters(p.counters);
        b.setNested(p.nested);
        b.setRows(p.rows);
        b.setSettings(p.settings);
        b.setPayload(p.payload);
        return b;
    }
}
