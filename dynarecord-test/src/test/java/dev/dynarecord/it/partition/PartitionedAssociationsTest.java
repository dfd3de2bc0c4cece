package dev.dynarecord.it.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Partitioning;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.it.FaultySessions;
import dev.dynarecord.test.DynarecordTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Associations between partitioned models read the newest copies, and dependents leave no copy behind. */
@DynarecordTest(global = false)
class PartitionedAssociationsTest {

    @Table(name = "p_boards", partitioning = Partitioning.ON, partitionSize = 5)
    public static class Board extends Model<Board> {
        public static final Finder<Board> find = finder(Board.class);
        @Field public String name;
        public final HasMany<Pin> pins = hasMany(Pin.class).dependent(Dependent.DESTROY);
    }

    @Table(name = "p_pins", partitioning = Partitioning.ON, partitionSize = 3)
    public static class Pin extends Model<Pin> {
        public static final Finder<Pin> find = finder(Pin.class);
        @Field public String label;
        public final BelongsTo<Board> board = belongsTo(Board.class);
    }

    private final Session session;

    PartitionedAssociationsTest(Session session) {
        this.session = session;
    }

    @Test
    void belongsToHasManyAndIncludesReadTheNewestCopiesAndADestroyTakesTheDependentsCopies() {
        Board board = new Board().using(session);
        board.name = "v1";
        board.saveOrThrow();
        for (int i = 0; i < 3; i++) {
            Pin pin = new Pin().using(session);
            pin.label = "pin " + i;
            pin.board.set(board);
            pin.saveOrThrow();
            pin.label = "pin " + i + " renamed";
            pin.saveOrThrow();
        }
        board.name = "v2";
        board.saveOrThrow();
        board.name = "v3";
        board.saveOrThrow();

        Board read = session.find(Board.class).byId(board.id());
        assertThat(read.pins.all()).extracting(p -> p.label).containsExactlyInAnyOrder("pin 0 renamed", "pin 1 renamed",
                "pin 2 renamed");
        assertThat(read.pins.count()).isEqualTo(3);
        Pin one = read.pins.first().orElseThrow();
        assertThat(session.find(Pin.class).byId(one.id()).board.get().name).isEqualTo("v3");
        List<Pin> preloaded = session.find(Pin.class).where("label", "pin 1 renamed").allowScan().includes("board").all();
        assertThat(preloaded).singleElement().satisfies(p -> assertThat(p.board.get().name).isEqualTo("v3"));

        read.destroy();
        assertThat(FaultySessions.items(session, session.tableName(Board.class))).isEmpty();
        assertThat(FaultySessions.items(session, session.tableName(Pin.class))).as("every copy of every pin").isEmpty();
    }
}
