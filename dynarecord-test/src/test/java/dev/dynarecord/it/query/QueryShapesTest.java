package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A where-chain run again with other values reuses its expressions, rendered once per shape, and
 * binds the new values: each run finds its own records, and the requests differ in their values only.
 */
@DynarecordTest
class QueryShapesTest {

    @Test
    void theSameShapeWithOtherValuesSendsTheSameExpressionsAndItsOwnValues(RequestRecorder recorder) {
        for (int i = 0; i < 30; i++) {
            new Event("s" + (i % 3), i, "p" + i).save();
        }
        recorder.clear();
        for (int s = 0; s < 3; s++) {
            List<Event> found = Event.find.where("stream", "s" + s).where("sequence.between", List.of(10L + s, 20L))
                    .where("payload.ne", "p" + (12 + s)).all();
            assertThat(found).extracting(e -> e.stream).containsOnly("s" + s);
            assertThat(found).extracting(e -> e.sequence).allMatch(q -> q >= 10 && q <= 20);
            assertThat(found).extracting(e -> e.payload).doesNotContain("p" + (12 + s)).isNotEmpty();
        }
        List<QueryRequest> queries = recorder.requests(QueryRequest.class);
        assertThat(queries).hasSize(3);
        QueryRequest first = queries.get(0);
        for (int s = 0; s < 3; s++) {
            QueryRequest q = queries.get(s);
            assertThat(q.keyConditionExpression()).isEqualTo(first.keyConditionExpression());
            assertThat(q.filterExpression()).isEqualTo(first.filterExpression());
            assertThat(q.expressionAttributeNames()).isEqualTo(first.expressionAttributeNames());
            assertThat(q.expressionAttributeValues()).hasSize(4)
                    .containsValues(AttributeValue.fromS("s" + s), AttributeValue.fromN(Long.toString(10 + s)),
                            AttributeValue.fromN("20"), AttributeValue.fromS("p" + (12 + s)));
        }
    }

    @Test
    void anotherNumberOfValuesIsAnotherShape(RequestRecorder recorder) {
        for (int i = 0; i < 6; i++) {
            new Event("in", i, "q" + i).save();
        }
        recorder.clear();
        assertThat(Event.find.where("payload.in", List.of("q1", "q2")).all()).hasSize(2);
        assertThat(Event.find.where("payload.in", List.of("q1", "q2", "q3")).all()).hasSize(3);
        assertThat(Event.find.where("payload.in", List.of("q4", "q5")).all()).extracting(e -> e.payload)
                .containsExactlyInAnyOrder("q4", "q5");
        List<ScanRequest> scans = recorder.requests(ScanRequest.class);
        assertThat(scans).hasSize(3);
        assertThat(scans.get(1).filterExpression()).isNotEqualTo(scans.get(0).filterExpression());
        assertThat(scans.get(2).filterExpression()).isEqualTo(scans.get(0).filterExpression());
        assertThat(scans.get(2).expressionAttributeValues()).containsValues(AttributeValue.fromS("q4"), AttributeValue.fromS("q5"))
                .doesNotContainValue(AttributeValue.fromS("q1"));
    }
}
