package dev.dynarecord.internal.persist;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.TestSchemas;
import dev.dynarecord.lifecycle.Errors;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Payload;
import jakarta.validation.UnexpectedTypeException;
import jakarta.validation.ValidationException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValidationsTest {

    // --- models ----------------------------------------------------------------------------------

    static class Member extends Model<Member> {
        static final Finder<Member> find = finder(Member.class);
        @Field @NotBlank String name;
        @Field @Pattern(regexp = "[A-Z]{3}") String code;
        @Field @Size(min = 2, max = 20) String nickname;
        @Field @Min(18) int age;
        @Field @Email String email;
        @Field @NotNull String plan;
        @Field List<@NotBlank String> tags;

        static Member valid() {
            Member m = new Member();
            m.name = "Ada";
            m.code = "ADA";
            m.nickname = "ada";
            m.age = 36;
            m.email = "ada@example.com";
            m.plan = "free";
            m.tags = List.of("math");
            return m;
        }

        static Member invalid() {
            Member m = new Member();
            m.name = " ";
            m.code = "ada";
            m.nickname = "a";
            m.age = 17;
            m.email = "not an address";
            m.plan = null;
            m.tags = List.of("ok", "");
            return m;
        }
    }

    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = OrderedValidator.class)
    @interface Ordered {
        String message() default "low must not exceed high";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class OrderedValidator implements ConstraintValidator<Ordered, Limits> {
        @Override
        public boolean isValid(Limits value, ConstraintValidatorContext context) {
            return value == null || value.low <= value.high;
        }
    }

    @Ordered
    static class Limits extends Model<Limits> {
        static final Finder<Limits> find = finder(Limits.class);
        @Field int low;
        @Field int high;
        @Field @NotBlank String label = "limits";
    }

    static class PatternOnInt extends Model<PatternOnInt> {
        static final Finder<PatternOnInt> find = finder(PatternOnInt.class);
        @Field @NotBlank String name = "x";
        @Field @Pattern(regexp = "[0-9]+") int code;
    }

    @Target(FIELD)
    @Retention(RUNTIME)
    @Constraint(validatedBy = ExplodingValidator.class)
    @interface Explodes {
        String message() default "never shown";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class ExplodingValidator implements ConstraintValidator<Explodes, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            throw new IllegalStateException("boom");
        }
    }

    static class Exploding extends Model<Exploding> {
        static final Finder<Exploding> find = finder(Exploding.class);
        @Field @Explodes String name = "x";
    }

    static class Unconstrained extends Model<Unconstrained> {
        static final Finder<Unconstrained> find = finder(Unconstrained.class);
        @Field String name;
    }

    private static Errors validate(Object record) {
        Errors errors = new Errors();
        Validations.validateConstraints(record, errors);
        return errors;
    }

    // --- with a provider (hibernate-validator + expressly are test dependencies) -----------------

    @Test
    void detectsTheProviderOnTheTestClasspath() {
        assertThat(Validations.mode()).isEqualTo(Validations.Mode.PROVIDER);
    }

    @Test
    void validRecordHasNoErrors() {
        assertThat(validate(Member.valid()).isEmpty()).isTrue();
        assertThat(validate(new Unconstrained()).isEmpty()).isTrue();
    }

    @Test
    void eachViolationGoesUnderItsFieldWithTheProvidersMessage() {
        Errors errors = validate(Member.invalid());

        assertThat(errors.on("name")).containsExactly("must not be blank");
        assertThat(errors.on("code")).containsExactly("must match \"[A-Z]{3}\"");
        assertThat(errors.on("nickname")).containsExactly("size must be between 2 and 20");
        assertThat(errors.on("age")).containsExactly("must be greater than or equal to 18");
        assertThat(errors.on("email")).containsExactly("must be a well-formed email address");
        assertThat(errors.on("plan")).containsExactly("must not be null");
        assertThat(errors.on("tags")).containsExactly("must not be blank");
        assertThat(errors.size()).isEqualTo(7);
        assertThat(errors.on(Errors.BASE)).isEmpty();
    }

    @Test
    void errorsComeInFieldDeclarationOrder() {
        Errors errors = validate(Member.invalid());
        assertThat(errors.asMap().keySet()).containsExactly("name", "code", "nickname", "age", "email", "plan", "tags");
        assertThat(errors.fullMessages()).startsWith("name must not be blank", "code must match \"[A-Z]{3}\"");
    }

    @Test
    void severalViolationsOfOneFieldAllCount() {
        Member m = Member.valid();
        m.tags = List.of("", " ");
        assertThat(validate(m).on("tags")).containsExactly("must not be blank", "must not be blank");
    }

    @Test
    void violationsAreAddedToErrorsAlreadyThere() {
        Errors errors = new Errors();
        errors.add("name", "is taken");
        Validations.validateConstraints(Member.invalid(), errors);
        assertThat(errors.on("name")).containsExactly("is taken", "must not be blank");
    }

    @Test
    void classLevelConstraintGoesToBase() {
        Limits limits = new Limits();
        limits.low = 5;
        limits.high = 1;
        limits.label = "";
        Errors errors = validate(limits);
        assertThat(errors.on(Errors.BASE)).containsExactly("low must not exceed high");
        assertThat(errors.on("label")).containsExactly("must not be blank");
        assertThat(errors.fullMessages()).containsExactly("label must not be blank", "low must not exceed high");

        limits.high = 9;
        limits.label = "ok";
        assertThat(validate(limits).isEmpty()).isTrue();
    }

    @Test
    void theModelBaseClassCarriesNoConstraints() {
        assertThat(Validations.constraintsOf(Model.class, Constraint.class)).isEmpty();
        // and the scan does see constraints where there are some, type-use ones included
        assertThat(Validations.constraintsOf(Member.class, Constraint.class)).containsExactly(
                "name @NotBlank", "code @Pattern", "nickname @Size", "age @Min", "email @Email", "plan @NotNull",
                "tags @NotBlank");
        assertThat(Validations.constraintsOf(Limits.class, Constraint.class)).containsExactly(
                "@Ordered on the class", "label @NotBlank");
    }

    @Test
    void repeatedConstraintsAreFoundInTheirContainer() {
        class Repeated {
            @Size(min = 1) @Size(max = 3) String code;
        }
        assertThat(Validations.constraintsOf(Repeated.class, Constraint.class))
                .containsExactly("code @Size", "code @Size");
    }

    /** A group a plain {@code validate(record)} does not evaluate. */
    interface Drafts {
    }

    static class Required extends Model<Required> {
        static final Finder<Required> find = finder(Required.class);
        @Field @NotBlank String name;
        @Field(name = "tier") @NotNull String plan;
        @Field @NotEmpty @Size(max = 3) String code;
        @Field @NotNull(groups = jakarta.validation.groups.Default.class) Integer rank;
        @Field @NotNull(groups = Drafts.class) String draftOnly;
        @Field @NotNull(groups = Drafts.class) @NotNull String repeated;
        @Field @Size(min = 1) String sized;
        @Field List<@NotBlank String> tags;
        String notPersisted;
    }

    @Test
    void presenceConstraintsOfTheDefaultGroupNameTheAttributesEveryRecordHolds() {
        ModelSchema<?> schema = TestSchemas.of(Required.class);
        assertThat(Validations.requiredAttributes(schema)).containsExactly("name", "tier", "code", "rank", "repeated");
        assertThat(Validations.requiredAttributes(schema, Validations.Mode.NO_PROVIDER)).isEmpty();
        assertThat(Validations.requiredAttributes(schema, Validations.Mode.NO_API)).isEmpty();
        assertThat(Validations.requiredAttributes(TestSchemas.of(Unconstrained.class))).isEmpty();
    }

    @Test
    void aConstraintTheProviderCannotEvaluateIsAModelDefinitionError() {
        PatternOnInt record = new PatternOnInt();
        Errors errors = new Errors();
        assertThatThrownBy(() -> Validations.validateConstraints(record, errors))
                .isInstanceOf(ModelDefinitionException.class)
                .hasCauseInstanceOf(UnexpectedTypeException.class)
                .hasMessageContaining(PatternOnInt.class.getName())
                .hasMessageContaining("@Pattern on field 'code' (int)")
                .hasMessageContaining("Change the field's type to one the constraint supports")
                .message().doesNotContain("@NotBlank");
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void aValidatorThatFailsIsAModelDefinitionError() {
        assertThatThrownBy(() -> validate(new Exploding()))
                .isInstanceOf(ModelDefinitionException.class)
                .hasCauseInstanceOf(ValidationException.class)
                .hasMessageContaining(Exploding.class.getName())
                .hasMessageContaining("@Explodes on field 'name' (String)")
                .hasMessageContaining("Fix or remove the constraint");
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThatThrownBy(() -> Validations.validateConstraints(null, new Errors())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Validations.validateConstraints(Member.valid(), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void validatesFromEightThreadsAtOnce() throws Exception {
        Map<String, List<String>> expected = validate(Member.invalid()).asMap();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                Callable<Integer> task = () -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < 300; i++) {
                        boolean valid = (i + seed) % 2 == 0;
                        Errors errors = validate(valid ? Member.valid() : Member.invalid());
                        if (valid) {
                            assertThat(errors.isEmpty()).isTrue();
                        } else {
                            assertThat(errors.asMap()).isEqualTo(expected);
                        }
                        checked++;
                    }
                    return checked;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(300);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    class Interpolation {
        private final MessageInterpolator failing = new MessageInterpolator() {
            @Override
            public String interpolate(String messageTemplate, Context context) {
                throw new IllegalStateException("no EL");
            }

            @Override
            public String interpolate(String messageTemplate, Context context, Locale locale) {
                throw new IllegalStateException("no EL");
            }
        };

        @Test
        void fallsBackToTheTemplateWhenInterpolationFails() {
            MessageInterpolator fallback = new BeanValidation.FallbackInterpolator(failing);
            assertThat(fallback.interpolate("{jakarta.validation.constraints.NotBlank.message}", null))
                    .isEqualTo("{jakarta.validation.constraints.NotBlank.message}");
            assertThat(fallback.interpolate("size must be {min}", null, Locale.ENGLISH)).isEqualTo("size must be {min}");
        }

        @Test
        void usesTheTemplateWithoutAnInterpolator() {
            assertThat(new BeanValidation.FallbackInterpolator(null).interpolate("must be {value}", null))
                    .isEqualTo("must be {value}");
        }
    }

    // --- without a provider: the core loaded afresh in class loaders that lack the jars ----------

    @Nested
    class WithoutAProvider {

        @Test
        void withoutTheApiConstraintsAreSkippedAndNothingFailsToLink() throws Exception {
            try (URLClassLoader loader = isolated(coreJars())) {
                assertNotLoadable(loader, "jakarta.validation.Validation");

                Isolated run = Isolated.of(loader);
                assertThat(run.mode()).isEqualTo("NO_API");
                assertThat(run.validate(IsolatedFixtures.Constrained.class)).isTrue();
                assertThat(run.validate(IsolatedFixtures.Unconstrained.class)).isTrue();
            }
        }

        @Test
        void withTheApiButNoProviderConstrainedModelsAreReportedOnce() throws Exception {
            List<URL> urls = coreJars();
            urls.add(jarOf(jakarta.validation.Validation.class));
            try (URLClassLoader loader = isolated(urls)) {
                assertNotLoadable(loader, "org.hibernate.validator.HibernateValidator");

                Isolated run = Isolated.of(loader);
                assertThat(run.mode()).isEqualTo("NO_PROVIDER");
                assertThat(run.validate(IsolatedFixtures.Constrained.class)).isTrue();
                assertThat(run.validate(IsolatedFixtures.Unconstrained.class)).isTrue();
                assertThat(run.warnedAbout(IsolatedFixtures.Constrained.class)).isTrue();
                assertThat(run.warnedAbout(IsolatedFixtures.Unconstrained.class)).isFalse();
            }
        }

        @Test
        void theSameHarnessWithAProviderEvaluatesConstraints() throws Exception {
            // Guards the two tests above: the isolated loader itself does not hide a working setup.
            List<URL> urls = coreJars();
            urls.add(jarOf(jakarta.validation.Validation.class));
            for (String name : List.of("org.hibernate.validator.HibernateValidator", "org.jboss.logging.Logger",
                    "com.fasterxml.classmate.TypeResolver", "org.glassfish.expressly.ExpressionFactoryImpl",
                    "jakarta.el.ExpressionFactory")) {
                urls.add(jarOf(Class.forName(name)));
            }
            try (URLClassLoader loader = isolated(urls)) {
                Isolated run = Isolated.of(loader);
                assertThat(run.mode()).isEqualTo("PROVIDER");
                assertThat(run.validate(IsolatedFixtures.Constrained.class)).isFalse();
                assertThat(run.validate(IsolatedFixtures.Unconstrained.class)).isTrue();
            }
        }

        private static void assertNotLoadable(ClassLoader loader, String name) {
            assertThatThrownBy(() -> loader.loadClass(name)).isInstanceOf(ClassNotFoundException.class);
        }

        private static URLClassLoader isolated(List<URL> urls) {
            // the platform loader as parent: nothing of the test class path leaks in
            return new URLClassLoader("isolated", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        }

        /** The core's classes, these tests' classes (for the fixtures) and SLF4J. */
        private static List<URL> coreJars() throws URISyntaxException {
            List<URL> urls = new ArrayList<>();
            urls.add(jarOf(Validations.class));
            urls.add(jarOf(IsolatedFixtures.class));
            urls.add(jarOf(org.slf4j.LoggerFactory.class));
            urls.add(jarOf(org.slf4j.simple.SimpleLogger.class));
            return urls;
        }

        private static URL jarOf(Class<?> type) throws URISyntaxException {
            URL location = type.getProtectionDomain().getCodeSource().getLocation();
            assertThat(Path.of(location.toURI())).exists();
            return location;
        }
    }

    /** Calls into a core loaded by another class loader, with that loader as the context loader. */
    private record Isolated(ClassLoader loader, Class<?> validations, Class<?> errors) {

        static Isolated of(ClassLoader loader) throws ClassNotFoundException {
            Class<?> validations = loader.loadClass(Validations.class.getName());
            assertThat(validations).isNotSameAs(Validations.class);
            return new Isolated(loader, validations, loader.loadClass(Errors.class.getName()));
        }

        String mode() throws Exception {
            return String.valueOf(call(validations.getDeclaredMethod("mode")));
        }

        /** @return whether the record of that class (created in the isolated loader) has no errors */
        boolean validate(Class<?> recordType) throws Exception {
            Class<?> type = loader.loadClass(recordType.getName());
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object record = constructor.newInstance();
            Object errorList = errors.getConstructor().newInstance();
            call(validations.getMethod("validateConstraints", Object.class, errors), record, errorList);
            return (Boolean) errors.getMethod("isEmpty").invoke(errorList);
        }

        boolean warnedAbout(Class<?> recordType) throws Exception {
            return (Boolean) call(validations.getDeclaredMethod("warnedAbout", Class.class),
                    loader.loadClass(recordType.getName()));
        }

        private Object call(Method method, Object... args) throws Exception {
            method.setAccessible(true);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return method.invoke(null, args);
            } catch (InvocationTargetException e) {
                // a NoClassDefFoundError from the core surfaces here, and fails the test
                throw new AssertionError("the isolated core failed", e.getCause());
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}
