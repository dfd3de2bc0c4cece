package dev.dynarecord.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs a test class against the embedded engine: one engine per JVM, a session of the class's own
 * in a fresh namespace (so its tables never meet another class's), tables dropped after the class.
 * Constructors, lifecycle methods and test methods may take as parameters the class's
 * {@link dev.dynarecord.Session}, a {@link dev.dynarecord.Finder Finder&lt;M&gt;} of any model on
 * that session, and a {@link RequestRecorder} listening to it (emptied before each test).
 *
 * <p>Two ways to write the tests:
 *
 * <ul>
 *   <li>{@code @DynarecordTest} (that is, {@code global = true}): the class's session is also the
 *       JVM-wide default while the class runs, so the short forms {@code User.find} and
 *       {@code new User().save()} use it. Such classes hold the resource lock
 *       {@link #DEFAULT_SESSION}, so even with JUnit's parallel execution on, no two of them run
 *       at the same time (they may run beside {@code global = false} classes).
 *   <li>{@code @DynarecordTest(global = false)}: the default session is never touched; the tests
 *       reach the class's session only through what is injected ({@code Finder<User>},
 *       {@code User.find.using(session)}, {@code new User().using(session)}, records loaded there,
 *       their associations). Such classes can run in parallel with any other.
 * </ul>
 *
 * <pre>{@code
 * @DynarecordTest(global = false)
 * class UserTest {
 *     private final Finder<User> users;
 *
 *     UserTest(Finder<User> users) {
 *         this.users = users;
 *     }
 *
 *     @Test
 *     void saves(RequestRecorder recorder) {
 *         users.create(u -> u.name = "Josh");
 *         assertThat(recorder.count(PutItemRequest.class)).isEqualTo(1);
 *     }
 * }
 *
 * @DynarecordTest
 * class ShortUserTest {
 *     @Test
 *     void saves(RequestRecorder recorder) {
 *         new User().saveOrThrow();
 *         assertThat(recorder.count(PutItemRequest.class)).isEqualTo(1);
 *     }
 * }
 * }</pre>
 *
 * <p>In a {@code global = false} class, a bare {@code User.find} or a record never bound to the
 * class's session goes to the JVM-wide default instead: whichever global class is running, or a
 * session configured from the environment. Turn on parallel classes with
 * {@code junit-platform.properties}:
 *
 * <pre>
 * junit.jupiter.execution.parallel.enabled=true
 * junit.jupiter.execution.parallel.mode.default=same_thread
 * junit.jupiter.execution.parallel.mode.classes.default=concurrent
 * </pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(DynarecordExtension.class)
@ResourceLock(providers = DynarecordExtension.DefaultSessionLock.class)
public @interface DynarecordTest {

    /** The key of the resource lock that classes with {@code global = true} hold while they run. */
    String DEFAULT_SESSION = "dev.dynarecord.test.default-session";

    /**
     * Whether the class's session is also made the JVM-wide default ({@link dev.dynarecord.Dynarecord})
     * while the class runs; the previous default comes back afterwards. When true, the class holds
     * the lock {@link #DEFAULT_SESSION} (read-write), so that no two such classes run at once.
     *
     * @return true (the default) to use the short forms such as {@code User.find}; false to use
     *     only the injected session and run in parallel
     */
    boolean global() default true;
}
