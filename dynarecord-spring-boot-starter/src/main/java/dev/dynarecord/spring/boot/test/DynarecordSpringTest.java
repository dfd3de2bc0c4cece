package dev.dynarecord.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A {@code @SpringBootTest} on the embedded engine: {@code dynarecord.adapter=LOCAL} and a
 * namespace of the test class's own ({@code t_order_api_test_3}), so its tables never meet another
 * class's. Before the class runs, the context's session is made the default ({@code User.find}
 * uses it, even with a context taken from Spring's cache); after it, the tables of the namespace
 * are dropped and the context is closed. Needs {@code dev.dynarecord:dynarecord-local} on the test
 * classpath.
 *
 * <pre>{@code
 * @DynarecordSpringTest
 * class OrderServiceTest {
 *     @Autowired OrderService orders;
 *
 *     @Test
 *     void places() {
 *         orders.place("ann", 3);
 *         assertThat(Order.find.where("customer", "ann").count()).isEqualTo(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Classes under this annotation share the JVM-wide default session, so they hold the resource
 * lock {@link #DEFAULT_SESSION}: under JUnit's parallel execution they run one at a time.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest
@ContextCustomizerFactories(EmbeddedEngineCustomizerFactory.class)
@TestExecutionListeners(listeners = DefaultSessionListener.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ResourceLock(DynarecordSpringTest.DEFAULT_SESSION)
public @interface DynarecordSpringTest {

    /**
     * The JUnit resource lock these classes hold while they run, the same as
     * {@code dynarecord-test}'s {@code @DynarecordTest}: with parallel execution on, no two classes
     * that set the default session run at once.
     */
    String DEFAULT_SESSION = "dev.dynarecord.test.default-session";

    /** @return the web environment, as {@link SpringBootTest#webEnvironment()}; a mock one by default */
    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

    /** @return more properties, as {@link SpringBootTest#properties()}; the namespace set here wins over the generated one */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};

    /** @return the component classes, as {@link SpringBootTest#classes()} */
    @AliasFor(annotation = SpringBootTest.class)
    Class<?>[] classes() default {};
}
