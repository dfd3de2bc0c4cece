package dev.dynarecord.internal.query;

import dev.dynarecord.internal.state.FanOut;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The segments of a parallel Scan as one stream, in no particular order. Reading goes in rounds:
 * when every item read so far is given out and the consumer asks for more, the next page of each
 * segment that has one is read, concurrently on the session's executor, and then given out segment
 * by segment. Nothing is read ahead of the consumer, so one that stops (a limit met, a stream left
 * early) sends nothing more: at most one page per segment beyond what it took. Single consumer.
 */
final class SegmentMerge implements Iterator<Map<String, AttributeValue>> {

    private final Executor executor;
    /** The segments that may still give out items; an exhausted one is dropped at the next round. */
    private final List<PartitionStream> segments;
    /** The segment that gives out the next item: those before it have nothing buffered. */
    private int current;

    /**
     * @param executor where a round's pages are read concurrently (the caller takes part)
     * @param segments one stream per segment, none read yet
     */
    SegmentMerge(Executor executor, List<PartitionStream> segments) {
        this.executor = executor;
        this.segments = new ArrayList<>(segments);
    }

    @Override
    public boolean hasNext() {
        while (true) {
            for (; current < segments.size(); current++) {
                if (segments.get(current).buffered()) {
                    return true;
                }
            }
            segments.removeIf(PartitionStream::exhausted);
            if (segments.isEmpty()) {
                return false;
            }
            List<Runnable> round = new ArrayList<>(segments.size());
            for (PartitionStream s : segments) {
                round.add(s::readPage);
            }
            FanOut.runAll(executor, round);
            current = 0;
        }
    }

    @Override
    public Map<String, AttributeValue> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return segments.get(current).next();
    }
}
