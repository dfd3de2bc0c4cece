package dev.dynarecord.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;

/** The embedded engine starts, serves, and never keeps a program from exiting. */
class EngineLifecycleTest {

    @Test
    void aProgramThatNeverClosesTheSharedEngineStillExits() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ExitProbe.class.getName())
                .redirectErrorStream(true).start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited).as("the JVM exits by itself once main returns; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("tables []", "main returns");
    }

    @Test
    void anEngineWithADataFileKeepsItsDataAcrossRestarts(@TempDir Path dir) {
        Path file = dir.resolve("data.db");
        try (LocalEngine first = LocalEngine.start(Optional.of(file))) {
            first.client().createTable(CreateTableRequest.builder().tableName("kept")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
                    .billingMode("PAY_PER_REQUEST").build());
        }
        assertThat(Files.exists(file)).isTrue();
        try (LocalEngine second = LocalEngine.start(Optional.of(file))) {
            assertThat(second.client().listTables(ListTablesRequest.builder().build()).tableNames()).containsExactly("kept");
        }
    }

    @Test
    void tablesCreatedAndDeletedFromSeveralThreadsAtOnce() throws Exception {
        // DynamoDB Local alone fails such overlapping changes now and then, with a NullPointerException
        try (LocalEngine engine = LocalEngine.start(Optional.empty())) {
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int n = 0; n < 25; n++) {
                            String name = "t" + thread + "_" + n;
                            engine.client().createTable(CreateTableRequest.builder().tableName(name)
                                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build())
                                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
                                    .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)).build());
                            if (n % 2 == 0) {
                                engine.client().deleteTable(d -> d.tableName(name));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(engine.client().listTablesPaginator(ListTablesRequest.builder().build()).tableNames().stream().count())
                    .isEqualTo(threads * 12L);
        }
    }

    @Test
    void aDirectoryIsRefusedAsDataFile(@TempDir Path dir) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalEngine.start(Optional.of(dir)))
                .isInstanceOf(dev.dynarecord.exception.ConfigurationException.class)
                .hasMessageContaining("is a directory").hasMessageContaining("dynarecord.db");
    }

    @Test
    void closingTwiceIsHarmless() {
        LocalEngine engine = LocalEngine.start(Optional.empty());
        engine.close();
        engine.close();
        assertThat(engine.isClosed()).isTrue();
    }
}
