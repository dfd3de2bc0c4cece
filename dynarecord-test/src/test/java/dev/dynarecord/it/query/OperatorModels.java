package dev.dynarecord.it.query;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The models of the operator tests, and the records they query. */
final class OperatorModels {

    static final String GROUP = "grp-ops";
    static final Instant BASE = Instant.parse("2026-11-21T00:00:00Z");

    private OperatorModels() {
    }

    enum Level { LOW, MID, HIGH }

    /** A composite key and one field of each queryable type; status, name and size are DynamoDB reserved words. */
    public static class Item extends Model<Item> {
        public static final Finder<Item> find = finder(Item.class);

        @HashKey public String group;
        @RangeKey public int n;
        @Field public String title;
        @Field public int rank;
        @Field public long big;
        @Field public double ratio;
        @Field public BigDecimal price;
        @Field public boolean active;
        @Field public Instant at;
        @Field public LocalDate day;
        @Field public Level level;
        @Field public UUID id;
        @Field public byte[] data;
        @Field public Set<String> tags;
        @Field public Set<Integer> scores;
        @Field public List<String> notes;
        @Field public Map<String, Object> attrs;
        @Field public String status;
        @Field public String name;
        @Field public Integer size;
    }

    /** A String range key, for begins_with as a key condition. */
    public static class Reading extends Model<Reading> {
        public static final Finder<Reading> find = finder(Reading.class);

        @HashKey public String sensor;
        @RangeKey public String at;
        @Field public String value;
    }

    private static final String[] TITLES = {null, "apple", "apricot", "banana", "blueberry", "cherry", "grape", "pineapple",
        "grapefruit", "kiwi", "mango", null, null};

    /**
     * Record n (1 to 12) of {@link #GROUP}. The values, by n: title from {@link #TITLES} (none for
     * 11, 12); rank 10n; big n up to 6, then 10^10 n; ratio n/4; price n.50 unless n % 3 == 0;
     * active when even; at BASE + n hours (none for 12); day 2026-10-25 + 5n days; level
     * values()[n % 3]; id UUID(0, n); data {n % 2, n}; tags {t(n % 3), early (n <= 6) or late} unless
     * n % 4 == 0; scores {n, 2n}; notes [note(n % 5), common], empty when n % 3 == 0; attrs {k: v(n),
     * num: n} for n <= 2; status open when even, else closed; name "n" + n; size n up to 9.
     */
    static Item item(int n) {
        Item i = new Item();
        i.group = GROUP;
        i.n = n;
        i.title = TITLES[n];
        i.rank = 10 * n;
        i.big = n <= 6 ? n : 10_000_000_000L * n;
        i.ratio = n / 4.0;
        i.price = n % 3 == 0 ? null : new BigDecimal(n + ".50");
        i.active = n % 2 == 0;
        i.at = n == 12 ? null : BASE.plus(n, ChronoUnit.HOURS);
        i.day = LocalDate.of(2026, 10, 25).plusDays(5L * n);
        i.level = Level.values()[n % 3];
        i.id = new UUID(0, n);
        i.data = new byte[] {(byte) (n % 2), (byte) n};
        i.tags = n % 4 == 0 ? null : new LinkedHashSet<>(List.of("t" + n % 3, n <= 6 ? "early" : "late"));
        i.scores = new LinkedHashSet<>(List.of(n, 2 * n));
        i.notes = n % 3 == 0 ? List.of() : List.of("note" + n % 5, "common");
        if (n <= 2) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("k", "v" + n);
            attrs.put("num", n);
            i.attrs = attrs;
        }
        i.status = n % 2 == 0 ? "open" : "closed";
        i.name = "n" + n;
        i.size = n <= 9 ? n : null;
        return i;
    }
}
