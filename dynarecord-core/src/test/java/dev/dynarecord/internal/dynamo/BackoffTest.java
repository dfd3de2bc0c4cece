package dev.dynarecord.internal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.exception.ThroughputExceededException;
import java.time.Duration;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pauses and the count of {@link Backoff}: only attempts in a row without progress count and pause. */
class BackoffTest {

    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(8), Duration.ofMillis(20));

    private static Backoff backoff() {
        return new Backoff(new DynamoDbGateway(null, List.of(), POLICY), "BatchWriteItem", List::of);
    }

    private static int throttled(Backoff backoff, int left) {
        return backoff.attempt(() -> {
            throw new ThroughputExceededException("throttled");
        }, left, n -> new ThroughputExceededException(n + " left"));
    }

    private static LongSummaryStatistics pauses(Backoff backoff) {
        return IntStream.range(0, 400).mapToLong(i -> backoff.pauseBeforeNext().toMillis()).summaryStatistics();
    }

    @Test
    void theFirstRetryAfterAnAttemptWithoutProgressPausesUpToTheBaseDelayAndEachNextOneUpToTwiceAsLong() {
        Backoff backoff = backoff();
        assertThat(backoff.pauseBeforeNext()).as("the first attempt").isZero();

        throttled(backoff, 5);
        assertThat(pauses(backoff)).satisfies(p -> {
            assertThat(p.getMin()).isNotNegative();
            assertThat(p.getMax()).as("up to the base delay, not none").isPositive().isLessThan(8);
        });
        throttled(backoff, 5);
        assertThat(pauses(backoff).getMax()).isGreaterThanOrEqualTo(8).isLessThan(16);
        throttled(backoff, 5);
        assertThat(pauses(backoff).getMax()).as("capped by the max delay").isGreaterThanOrEqualTo(16).isLessThan(20);
    }

    @Test
    void progressStartsTheCountAgainAndTheNextAttemptGoesWithoutPause() {
        Backoff backoff = backoff();
        throttled(backoff, 5);
        throttled(backoff, 5);
        throttled(backoff, 5);
        assertThat(backoff.attempt(() -> 2, 5, n -> new ThroughputExceededException(n + " left"))).isEqualTo(2);
        assertThat(backoff.pauseBeforeNext()).isZero();

        throttled(backoff, 2);
        throttled(backoff, 2);
        throttled(backoff, 2);
        assertThatThrownBy(() -> throttled(backoff, 2)).isInstanceOf(ThroughputExceededException.class)
                .hasMessage("2 left");
    }
}
