package dev.dynarecord.it.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import dev.dynarecord.test.DynarecordTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random customers with random documents (nulls, empty lists and maps, odd text, three levels) are
 * saved, loaded and compared. The seed is fixed unless {@code -Ddynarecord.seed=...} gives another;
 * it is printed, so a failure can be replayed.
 */
@DynarecordTest
class DocumentRoundTripTest {

    private static final long DEFAULT_SEED = 20261203L;
    private static final int RECORDS = 60;
    private static final String[] TEXT = {"", " ", "Main St", "héllo wörld", "日本語", "emoji 😀", "tab\tnew\nline",
        "quote\" back\\slash", "Zürich ß", "#n0 :v0", "a.b[0]"};
    private static long seed;

    @BeforeAll
    static void seed() {
        String given = System.getProperty("dynarecord.seed");
        seed = given == null || given.isBlank() ? DEFAULT_SEED : Long.parseLong(given.trim());
        System.out.println("DocumentRoundTripTest seed " + seed + " (rerun with -Ddynarecord.seed=" + seed + ")");
    }

    @Test
    void randomDocumentsRoundTrip() {
        Random r = new Random(seed);
        for (int i = 0; i < RECORDS; i++) {
            Customer saved = random(r);
            saved.saveOrThrow();
            Customer loaded = Customer.find.byId(saved.id());
            String as = "seed " + seed + ", record " + i;
            assertThat(loaded.name).as(as).isEqualTo(saved.name);
            assertThat(loaded.home).as(as).isEqualTo(saved.home);
            assertThat(loaded.previous).as(as).isEqualTo(saved.previous);
            assertThat(loaded.byLabel).as(as).isEqualTo(saved.byLabel);
            assertThat(loaded.visited).as(as).isEqualTo(saved.visited);
            assertThat(loaded.contact).as(as).isEqualTo(saved.contact);
            assertThat(loaded.contacts).as(as).isEqualTo(saved.contacts);
            if (saved.geo == null) {
                assertThat(loaded.geo).as(as).isNull();
            } else {
                assertThat(loaded.geo.lat).as(as).isEqualTo(saved.geo.lat);
                assertThat(loaded.geo.lon).as(as).isEqualTo(saved.geo.lon);
                assertThat(loaded.geo.measuredAt).as(as).isEqualTo(saved.geo.measuredAt);
                assertThat(loaded.geo.place).as(as).isEqualTo(saved.geo.place);
            }
            assertThat(loaded.changed()).as(as).isEmpty();
        }
    }

    private static Customer random(Random r) {
        Customer c = new Customer();
        c.name = maybe(r, () -> text(r));
        c.home = maybe(r, () -> address(r));
        c.previous = maybe(r, () -> {
            List<Address> list = new ArrayList<>();
            for (int i = r.nextInt(4); i > 0; i--) {
                list.add(r.nextInt(6) == 0 ? null : address(r));
            }
            return list;
        });
        c.byLabel = maybe(r, () -> {
            Map<String, Address> map = new LinkedHashMap<>();
            for (int i = r.nextInt(4); i > 0; i--) {
                map.put("k" + r.nextInt(1000) + text(r), address(r));
            }
            return map;
        });
        c.visited = maybe(r, () -> {
            Set<Address> set = new LinkedHashSet<>();
            for (int i = r.nextInt(3) + 1; i > 0; i--) {
                set.add(address(r));
            }
            return set;
        });
        c.geo = maybe(r, () -> new Geo(r.nextDouble() * 180 - 90, r.nextDouble() * 360 - 180,
                maybe(r, () -> Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1000) * 1_000_000L)),
                maybe(r, () -> new Geo.Place(maybe(r, () -> text(r)),
                        maybe(r, () -> new Geo.Building(maybe(r, () -> r.nextInt(200) - 5), maybe(r, () -> text(r))))))));
        c.contact = maybe(r, () -> new Contact(maybe(r, () -> text(r)), r.nextBoolean(), r.nextInt()));
        c.contacts = maybe(r, () -> r.nextBoolean() ? List.of() : List.of(new Contact(text(r), r.nextBoolean(), r.nextInt(9))));
        return c;
    }

    private static Address address(Random r) {
        return new Address(maybe(r, () -> text(r)), maybe(r, () -> text(r)), maybe(r, () -> Integer.toString(r.nextInt(99999))));
    }

    private static String text(Random r) {
        return TEXT[r.nextInt(TEXT.length)];
    }

    private static <T> T maybe(Random r, java.util.function.Supplier<T> value) {
        return r.nextInt(5) == 0 ? null : value.get();
    }
}
