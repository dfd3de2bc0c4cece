package dev.dynarecord.spring.boot;

import dev.dynarecord.local.LocalEngineProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Application contexts with the starter's auto-configuration, for the tests. */
final class Contexts {

    private Contexts() {
    }

    /** @return a runner with the starter's auto-configuration (session and health) and nothing else */
    static ApplicationContextRunner starter() {
        return new ApplicationContextRunner().withConfiguration(
                AutoConfigurations.of(DynarecordAutoConfiguration.class, DynarecordHealthAutoConfiguration.class));
    }

    /** @return the runner on the embedded engine in a namespace of its own */
    static ApplicationContextRunner local(String namespace) {
        return starter().withPropertyValues("dynarecord.adapter=LOCAL", "dynarecord.namespace=" + namespace);
    }

    /** @return a client of the shared embedded engine, for tables made behind the starter's back */
    static DynamoDbClient raw() {
        return new LocalEngineProvider().shared().client();
    }

    /** Creates a table on the embedded engine with a string hash key and no index, as another program would. */
    static void createTable(String table, String hashKey) {
        raw().createTable(t -> t.tableName(table)
                .keySchema(k -> k.attributeName(hashKey).keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName(hashKey).attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
    }
}
