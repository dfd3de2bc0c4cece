package dev.dynarecord.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.local.LocalEngineProvider;
import dev.dynarecord.spring.boot.models.Widget;
import dev.dynarecord.spring.boot.test.DynarecordSpringTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A {@code DynamoDbClient} bean of the application's own (here over the embedded engine, as a
 * client to DynamoDB Local as a server or to real DynamoDB would be): adapter AWS uses it for every
 * request, and closing the context never closes it.
 */
@ResourceLock(DynarecordSpringTest.DEFAULT_SESSION)
class ClientBeanTest {

    @Test
    void theApplicationsClientIsUsedAndNeverClosed() {
        Clients clients = new Clients();
        Contexts.starter().withBean(Clients.class, () -> clients).withUserConfiguration(ClientConfiguration.class)
                .withPropertyValues("dynarecord.adapter=AWS", "dynarecord.namespace=boot_client",
                        "dynarecord.auto-create-tables=true")
                .run(context -> {
                    Session session = context.getBean(Session.class);
                    assertThat(session.config().adapter()).isEqualTo(Adapter.AWS);
                    assertThat(session.config().client()).containsSame(context.getBean(DynamoDbClient.class));
                    int before = clients.calls.get();
                    Widget w = new Widget();
                    w.name = "through the bean";
                    assertThat(w.save()).isTrue();
                    assertThat(clients.calls.get()).isGreaterThan(before);
                    session.tables().dropAll();
                });
        assertThat(clients.closed.get()).isZero();
        assertThat(clients.client.listTables().tableNames()).doesNotContain("boot_client_widgets");
    }

    @Test
    void withAdapterLocalTheClientBeanIsLeftAlone() {
        Clients clients = new Clients();
        Contexts.starter().withBean(Clients.class, () -> clients).withUserConfiguration(ClientConfiguration.class)
                .withPropertyValues("dynarecord.adapter=LOCAL", "dynarecord.namespace=boot_client_local")
                .run(context -> assertThat(context.getBean(Session.class).config().client()).isEmpty());
        assertThat(clients.closed.get()).isZero();
    }

    /** A client over the shared embedded engine that counts its calls and its closes. */
    static final class Clients {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final DynamoDbClient engine = new LocalEngineProvider().shared().client();
        final DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closed.incrementAndGet();
                        return null;
                    }
                    calls.incrementAndGet();
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class ClientConfiguration {
        @Bean(destroyMethod = "")
        DynamoDbClient dynamoDbClient(Clients clients) {
            return clients.client;
        }
    }
}
