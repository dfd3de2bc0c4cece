package dev.dynarecord.it.inheritance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.Projection;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.test.DynarecordTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two modelling features together: embedded documents in the classes of a hierarchy, read
 * back polymorphically, and a subclass query through an index that projects neither the
 * discriminator nor the subclass's own attributes.
 */
@DynarecordTest
class InheritedDocumentsTest {

    /** A dimension record, stored as a map. */
    public record Dims(int width, int height) {}

    /** A stop on the route, stored as a map in a list. */
    public record Stop(String city, int day) {}

    @Table(name = "shipments", subtypes = {Parcel.class, Pallet.class})
    public static class Shipment extends Model<Shipment> {
        public static final Finder<Shipment> find = finder(Shipment.class);
        @Field @GlobalIndex(projection = Projection.INCLUDE, include = {"weight"}) public String carrier;
        @Field public double weight;
        @Field public List<Stop> stops;
    }

    public static class Parcel extends Shipment {
        public static final Finder<Parcel> find = subFinder(Parcel.class);
        @Field public Dims dims;
    }

    public static class Pallet extends Shipment {
        public static final Finder<Pallet> find = subFinder(Pallet.class);
        @Field public int layers;
    }

    private Parcel parcel;

    @BeforeEach
    void shipments() {
        Shipment.find.query().allowScan().deleteAll();
        parcel = Parcel.find.create(p -> {
            p.carrier = "ups";
            p.weight = 2.5;
            p.dims = new Dims(30, 20);
            p.stops = List.of(new Stop("Chicago", 1), new Stop("Boston", 3));
        });
        Pallet.find.create(p -> {
            p.carrier = "ups";
            p.weight = 400;
            p.layers = 3;
            p.stops = List.of(new Stop("Chicago", 2));
        });
    }

    @Test
    void documentsOfEachClassLoadWithTheirClass() {
        List<Shipment> all = Shipment.find.query().allowScan().all();
        assertThat(all).hasSize(2);
        Parcel read = (Parcel) all.stream().filter(s -> s instanceof Parcel).findFirst().orElseThrow();
        assertThat(read.dims).isEqualTo(new Dims(30, 20));
        assertThat(read.stops).containsExactly(new Stop("Chicago", 1), new Stop("Boston", 3));
        assertThat(Parcel.find.where("dims.width.gt", 10).allowScan().all()).extracting(p -> p.id()).containsExactly(parcel.id());
        assertThat(Shipment.find.where("stops[0].city", "Chicago").allowScan().all()).hasSize(2);
    }

    @Test
    void aSubclassQueryThroughAPartialIndexStillSeesItsTypeAndFields() {
        // the index holds neither type nor dims: filtering its items by type would lose every parcel
        assertThat(Parcel.find.where("carrier", "ups").explain().isScan()).isTrue();
        assertThat(Shipment.find.where("carrier", "ups").explain().indexName()).contains("carrier_index");
        List<Parcel> parcels = Parcel.find.where("carrier", "ups").all();
        assertThat(parcels).extracting(p -> p.id()).containsExactly(parcel.id());
        assertThat(parcels.get(0).dims).isEqualTo(new Dims(30, 20));
        assertThat(Pallet.find.where("carrier", "ups").all()).extracting(p -> p.layers).containsExactly(3);
        assertThat(Shipment.find.where("carrier", "ups").all()).hasSize(2).allSatisfy(s -> assertThat(s.stops).isNotEmpty());
    }

    @Test
    void aChangeInsideASubclassDocumentIsSaved() {
        Parcel loaded = Parcel.find.byId(parcel.id());
        loaded.dims = new Dims(31, 20);
        assertThat(loaded.changed()).containsExactly("dims");
        loaded.save();
        assertThat(((Parcel) Shipment.find.byId(parcel.id())).dims.width()).isEqualTo(31);
    }
}
