package dev.dynarecord.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the embedded engine: one engine per JVM, a fresh namespace for the
 * class (so its tables never meet another class's), tables dropped after the class. The class's
 * session becomes the default while it runs, so {@code User.find} and {@code user.save()} use it.
 * Test methods may take a {@link dev.dynarecord.Session} and a {@link RequestRecorder} (emptied
 * before each test) as parameters.
 *
 * <pre>{@code
 * @DynarecordTest
 * class UserTest {
 *     @Test
 *     void saves(RequestRecorder recorder) {
 *         new User().saveOrThrow();
 *         assertThat(recorder.count(PutItemRequest.class)).isEqualTo(1);
 *     }
 * }
 * }</pre>
 *
 * Test classes that use the default session must not run in parallel with each other; those
 * that use the injected session only may.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(DynarecordExtension.class)
public @interface DynarecordTest {
}
