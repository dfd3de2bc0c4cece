package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.LocalIndex;
import dev.dynarecord.annotation.Projection;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** A KEYS_ONLY local index still gives whole records: DynamoDB fetches the rest when asked for all attributes. */
@DynarecordTest
class LocalIndexProjectionTest {

    public static class Entry extends Model<Entry> {
        public static final Finder<Entry> find = finder(Entry.class);
        @HashKey public String book;
        @RangeKey public int line;
        @Field @LocalIndex(projection = Projection.KEYS_ONLY) public String word;
        @Field public String text;
    }

    @Test
    void recordsReadThroughAKeysOnlyLocalIndexAreWholeAndSaveable(RequestRecorder recorder) {
        Entry e = Entry.find.create(x -> {
            x.book = "b";
            x.line = 1;
            x.word = "w";
            x.text = "full text";
        });
        recorder.clear();
        Entry found = Entry.find.where("book", "b").where("word", "w").first().orElseThrow();
        QueryRequest q = recorder.single(QueryRequest.class);
        assertThat(q.indexName()).isEqualTo("word_index");
        assertThat(q.select()).isEqualTo(Select.ALL_ATTRIBUTES);
        assertThat(found.text).isEqualTo("full text");
        assertThat(found.lockVersion()).isEqualTo(e.lockVersion());
        found.text = "edited";
        found.saveOrThrow();
        assertThat(Entry.find.byId("b", 1).text).isEqualTo("edited");
    }
}
