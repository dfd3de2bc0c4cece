package dev.dynarecord.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README walkthrough runs, and each step did what the README says it does. */
class DemoTest {

    @Test
    void walkthroughRunsEndToEndOnTheEmbeddedEngine() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("-> CreateTable demo_users", "-> PutItem demo_users");
        assertThat(out).containsPattern("saved [0-9a-f-]{36} \\(new record\\? false, persisted\\? true, poisonLimit default 5\\)");
        assertThat(out).contains("same record? true; lastLoginAt kept to the nanosecond: true");
        assertThat(out).contains("byIdOptional(\"nobody\"): Optional.empty", "exists: true");
        assertThat(out).contains("rank 4, nicknames null, updatedAt moved: true");
        assertThat(out).contains("legacyScore still there: AttributeValue(N=11)");
        assertThat(out).contains("boiler at 2: 62.0 C", "RecordNotUniqueException:", "boiler at 2 is still 62.0 C");
        assertThat(out).contains("destroyed? true", "RecordNotFoundException: no User with key");
        assertThat(out).contains("[demo_readings, demo_users]", "readCapacity=10, writeCapacity=5");
        assertThat(out).doesNotContain("Exception in thread");
    }
}
