package dev.dynarecord;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The layout of docs/architecture.md, checked: the public packages never reach into
 * {@code internal} and never show its types; the façade in the root package never sends a request
 * itself; the feature packages under {@code internal} depend on each other without cycles; only
 * the adapter layer talks to the SDK client; and the leaf packages stay leaves.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.dynarecord";
    private static final String INTERNAL = "dev.dynarecord.internal..";
    /** The packages users may import; everything else lives under {@code internal}. */
    private static final String[] PUBLIC_PACKAGES = {
        ROOT, ROOT + ".annotation", ROOT + ".config", ROOT + ".exception", ROOT + ".lifecycle", ROOT + ".query",
        ROOT + ".observe", ROOT + ".spi",
        ROOT + ".types"
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(ROOT);
    }

    @Test
    void importsTheWholeCoreAndNoTests() {
        assertThat(classes.contain("dev.dynarecord.Session")).isTrue();
        assertThat(classes.contain("dev.dynarecord.internal.dynamo.DynamoDbGateway")).isTrue();
        assertThat(classes.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void onlyTheRootPackageAndInternalItselfDependOnInternal() {
        noClasses().that().resideOutsideOfPackages(ROOT, INTERNAL)
                .should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .because("only the engine (root package) wires the internals; public packages must not import them")
                .check(classes);
    }

    @Test
    void publicApiNeverExposesInternalTypes() {
        classes().that().resideInAnyPackage(PUBLIC_PACKAGES).and().arePublic()
                .should(notExposeInternalTypes())
                .check(classes);
    }

    @Test
    void theInternalFeaturePackagesHaveNoCycles() {
        slices().matching("dev.dynarecord.internal.(*)..").namingSlices("internal.$1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void thePublicPackagesOtherThanTheRootHaveNoCycles() {
        // The root package is the façade: the engine below it hands its records back, so it is left
        // out; every other public package is vocabulary and must stay acyclic.
        slices().assignedFrom(vocabularyPackages())
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void theFacadeNeverTalksToDynamoDbItself() {
        noClasses().that().resideInAPackage(ROOT)
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".internal.dynamo..", ROOT + ".internal.table..",
                        ROOT + ".internal.convert..")
                .because("the root package delegates to the engine (internal.engine) and the features under it; requests"
                        + " are built and sent in internal.dynamo")
                .check(classes);
    }

    @Test
    void slicesByPackageGiveTheRootPackageItsOwnSlice() {
        // The cycle rule is only as good as its slices: the root package must be one of them.
        SliceAssignment assignment = byFullPackageName();
        assertThat(assignment.getIdentifierOf(classes.get(Session.class))).isEqualTo(SliceIdentifier.of(ROOT));
        assertThat(assignment.getIdentifierOf(classes.get("dev.dynarecord.internal.table.TableManager")))
                .isEqualTo(SliceIdentifier.of(ROOT + ".internal.table"));
    }

    @Test
    void onlyTheAdapterLayerAccessesDynamoDbClientMembers() {
        // Calls and method references (client::putItem) alike. Session.client() only returns the
        // gateway's client, and TableManager only hands gateway.client() to DynamoDbWaiter's builder;
        // neither calls the client, so neither needs an exception here.
        noClasses().that().resideOutsideOfPackage("dev.dynarecord.internal.dynamo..")
                .should().accessTargetWhere(targetOwnedBy(DynamoDbClient.class))
                .because("every DynamoDB request goes through DynamoDbGateway (listeners, exception translation)")
                .check(classes);
    }

    @Test
    void onlyKnownPlacesHandleTheDynamoDbClientTypeAtAll() {
        // Holding or passing the client (without calling it) is allowed where the API needs it:
        // Config.client(...) (user-supplied), EmbeddedEngine.client() (SPI), Session.client() and
        // Engine.client() (the escape hatch) and TableManager's waiters.
        noClasses().that().resideOutsideOfPackages("dev.dynarecord.internal.dynamo..", ROOT + ".config", ROOT + ".spi",
                        ROOT + ".internal.engine", ROOT + ".internal.table")
                .and().doNotHaveFullyQualifiedName(Session.class.getName())
                .should().dependOnClassesThat().areAssignableTo(DynamoDbClient.class)
                .check(classes);
    }

    @Test
    void onlyTheObservePackageUsesMicrometerOrOpenTelemetryWhichAreOptional() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".observe")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.opentelemetry..")
                .because("both are optional dependencies: a class that needs them must load only when the user registers it")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".observe")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .because("the observers are written against the public SPI, as a user's own would be")
                .check(classes);
    }

    @Test
    void exceptionPackageDependsOnNothingElseInDynarecord() {
        noClasses().that().resideInAPackage(ROOT + ".exception..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(resideOutsideOfPackages(ROOT + ".exception..")))
                .check(classes);
    }

    @Test
    void typesDependOnlyOnExceptionsWithinDynarecord() {
        noClasses().that().resideInAPackage(ROOT + ".types..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(resideOutsideOfPackages(ROOT + ".types..", ROOT + ".exception..")))
                .check(classes);
    }

    // ---------------------------------------------------------------------------------------------

    private static SliceAssignment byFullPackageName() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "every package under and including " + ROOT;
            }
        };
    }

    private static SliceAssignment vocabularyPackages() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                boolean vocabulary = pkg.startsWith(ROOT + ".") && !pkg.startsWith(ROOT + ".internal");
                return vocabulary ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "every public package under " + ROOT + " but the root";
            }
        };
    }

    private static DescribedPredicate<JavaAccess<?>> targetOwnedBy(Class<?> type) {
        DescribedPredicate<JavaClass> owner = assignableTo(type);
        return new DescribedPredicate<>("target is a member of " + type.getName()) {
            @Override
            public boolean test(JavaAccess<?> access) {
                AccessTarget target = access.getTarget();
                return owner.test(target.getOwner());
            }
        };
    }

    private static ArchCondition<JavaClass> notExposeInternalTypes() {
        return new ArchCondition<>("not expose types from " + INTERNAL + " in public or protected members") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                    if (!isApi(unit.getModifiers()) || unit.getName().equals("<clinit>")) {
                        continue;
                    }
                    Set<JavaClass> involved = new LinkedHashSet<>();
                    involved.add(unit.getRawReturnType());
                    involved.addAll(unit.getRawParameterTypes());
                    involved.addAll(unit.getReturnType().getAllInvolvedRawTypes());
                    for (JavaType p : unit.getParameterTypes()) {
                        involved.addAll(p.getAllInvolvedRawTypes());
                    }
                    report(events, javaClass, unit.getFullName(), involved);
                }
                for (JavaField field : javaClass.getFields()) {
                    if (!isApi(field.getModifiers())) {
                        continue;
                    }
                    Set<JavaClass> involved = new LinkedHashSet<>();
                    involved.add(field.getRawType());
                    involved.addAll(field.getType().getAllInvolvedRawTypes());
                    report(events, javaClass, field.getFullName(), involved);
                }
            }

            private void report(ConditionEvents events, JavaClass owner, String member, Set<JavaClass> involved) {
                for (JavaClass type : involved) {
                    if (type.getPackageName().startsWith(ROOT + ".internal")) {
                        events.add(SimpleConditionEvent.violated(owner,
                                member + " exposes internal type " + type.getName()));
                    }
                }
            }
        };
    }

    private static boolean isApi(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }
}
