package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Page;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.query.Order;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@DynarecordTest
class QuerySmokeTest {

    @Test
    void tableKeyQueriesScansAndPages(RequestRecorder recorder) {
        for (int i = 0; i < 30; i++) {
            new Event("s" + (i % 3), i, "p" + i).save();
        }
        recorder.clear();
        List<Event> s1 = Event.find.where("stream", "s1").where("sequence.gte", 10).all();
        assertThat(s1).extracting(e -> e.sequence).containsExactly(10L, 13L, 16L, 19L, 22L, 25L, 28L);
        assertThat(Event.find.where("stream", "s1").order(Order.DESC).first().orElseThrow().sequence).isEqualTo(28);
        assertThat(Event.find.where("stream", "s1").last().orElseThrow().sequence).isEqualTo(28);
        assertThat(Event.find.where("payload.begins_with", "p1").count()).isEqualTo(11);
        assertThat(Event.find.count()).isEqualTo(30);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Event> page = Event.find.where("stream", "s2").page(4, cursor);
            page.items().forEach(e -> seen.add(e.sequence));
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        assertThat(seen).containsExactly(2L, 5L, 8L, 11L, 14L, 17L, 20L, 23L, 26L, 29L);
        Event e5 = Event.find.byId("s2", 5L);
        assertThat(Event.find.where("stream", "s2").start(e5).limit(2).all()).extracting(e -> e.sequence).containsExactly(8L, 11L);
        assertThat(Event.find.where("payload.in", List.of("p1", "p2")).all()).hasSize(2);
        assertThat(Event.find.where("stream", "s0").project("payload").first().orElseThrow().isPartial()).isTrue();
    }
}
