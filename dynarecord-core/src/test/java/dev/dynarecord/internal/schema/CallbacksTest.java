package dev.dynarecord.internal.schema;

import static dev.dynarecord.internal.schema.CallbackEvent.AFTER_CREATE;
import static dev.dynarecord.internal.schema.CallbackEvent.AFTER_SAVE;
import static dev.dynarecord.internal.schema.CallbackEvent.AFTER_UPDATE;
import static dev.dynarecord.internal.schema.CallbackEvent.BEFORE_CREATE;
import static dev.dynarecord.internal.schema.CallbackEvent.BEFORE_DESTROY;
import static dev.dynarecord.internal.schema.CallbackEvent.BEFORE_SAVE;
import static dev.dynarecord.internal.schema.CallbackEvent.BEFORE_UPDATE;
import static dev.dynarecord.internal.schema.CallbackEvent.BEFORE_VALIDATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynarecord.Model;
import dev.dynarecord.annotation.AfterCreate;
import dev.dynarecord.annotation.AfterDestroy;
import dev.dynarecord.annotation.AfterFind;
import dev.dynarecord.annotation.AfterInitialize;
import dev.dynarecord.annotation.AfterSave;
import dev.dynarecord.annotation.AfterTouch;
import dev.dynarecord.annotation.AfterUpdate;
import dev.dynarecord.annotation.AfterValidation;
import dev.dynarecord.annotation.BeforeCreate;
import dev.dynarecord.annotation.BeforeDestroy;
import dev.dynarecord.annotation.BeforeSave;
import dev.dynarecord.annotation.BeforeUpdate;
import dev.dynarecord.annotation.BeforeValidation;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ModelDefinitionException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CallbacksTest {

    private static Callbacks callbacks(Class<?> type) {
        return TestSchemas.of(type).callbacks();
    }

    // --- order across a hierarchy ---------------------------------------------------------------

    static class Grandparent extends Model<Grandparent> {
        final List<String> log = new ArrayList<>();
        @Field String name;

        @BeforeSave
        void gpZulu() {
            log.add("gpZulu");
        }

        @AfterSave
        void gpAfter() {
            log.add("gpAfter");
        }

        @BeforeSave
        void gpAlpha() {
            log.add("gpAlpha");
        }

        void notACallback() {
            log.add("never");
        }

        @BeforeSave
        void gpMike() {
            log.add("gpMike");
        }
    }

    static class Parent extends Grandparent {
        @BeforeSave
        private void pYankee() {
            log.add("pYankee");
        }

        @BeforeSave
        protected void pBravo() {
            log.add("pBravo");
        }

        @AfterSave
        public void pAfter() {
            log.add("pAfter");
        }

        @BeforeSave
        void pKilo() {
            log.add("pKilo");
        }
    }

    static class Child extends Parent {
        @BeforeSave
        public void cXray() {
            log.add("cXray");
        }

        @BeforeSave
        void cCharlie() {
            log.add("cCharlie");
        }

        @BeforeSave
        private void cLima() {
            log.add("cLima");
        }

        @AfterSave
        void cAfter() {
            log.add("cAfter");
        }
    }

    // --- several annotations, abort -------------------------------------------------------------

    static class Multi extends Model<Multi> {
        final List<String> log = new ArrayList<>();

        @BeforeSave
        @BeforeCreate
        @AfterSave
        void stamp() {
            log.add("stamp");
        }

        @BeforeCreate
        void other() {
            log.add("other");
        }

        @BeforeSave
        @BeforeDestroy
        boolean guard() {
            log.add("guard");
            return true;
        }
    }

    static class Everything extends Model<Everything> {
        final List<String> log = new ArrayList<>();

        @BeforeValidation
        @AfterValidation
        @BeforeSave
        @AfterSave
        @BeforeCreate
        @AfterCreate
        @BeforeUpdate
        @AfterUpdate
        @BeforeDestroy
        @AfterDestroy
        @AfterInitialize
        @AfterFind
        @AfterTouch
        void any() {
            log.add("any");
        }
    }

    static class BooleanBefores extends Model<BooleanBefores> {
        boolean answer;

        @BeforeValidation
        @BeforeSave
        @BeforeCreate
        @BeforeUpdate
        @BeforeDestroy
        boolean decide() {
            return answer;
        }
    }

    static class Guarded extends Model<Guarded> {
        final List<String> log = new ArrayList<>();
        boolean allow = true;

        @BeforeSave
        void first() {
            log.add("first");
        }

        @BeforeSave
        boolean guard() {
            log.add("guard");
            return allow;
        }

        @BeforeSave
        void last() {
            log.add("last");
        }

        @AfterSave
        void after() {
            log.add("after");
        }
    }

    static class GuardedChild extends Guarded {
        @BeforeSave
        void childFirst() {
            log.add("childFirst");
        }
    }

    // --- overrides ------------------------------------------------------------------------------

    static class Base extends Model<Base> {
        final List<String> log = new ArrayList<>();

        @BeforeSave
        void first() {
            log.add("Base.first");
        }

        @BeforeSave
        void normalize() {
            log.add("Base.normalize");
        }

        @BeforeSave
        private void secret() {
            log.add("Base.secret");
        }

        @BeforeSave
        void last() {
            log.add("Base.last");
        }
    }

    static class AnnotatedOverride extends Base {
        @BeforeSave
        void own() {
            log.add("AnnotatedOverride.own");
        }

        @Override
        @BeforeSave
        @AfterSave
        void normalize() {
            log.add("AnnotatedOverride.normalize");
            super.normalize();
        }

        @BeforeSave
        private void secret() {
            log.add("AnnotatedOverride.secret");
        }
    }

    static class PlainOverride extends Base {
        @Override
        void normalize() {
            log.add("PlainOverride.normalize");
        }
    }

    static class OverrideOfOverride extends AnnotatedOverride {
        @Override
        @BeforeSave
        void normalize() {
            log.add("OverrideOfOverride.normalize");
        }
    }

    // --- exceptions -----------------------------------------------------------------------------

    static class Throws extends Model<Throws> {
        Throwable toThrow;

        @AfterSave
        void boom() throws Throwable {
            throw toThrow;
        }

        @BeforeSave
        boolean guardedBoom() throws IOException {
            if (toThrow instanceof IOException e) {
                throw e;
            }
            return true;
        }
    }

    static class NoCallbacks extends Model<NoCallbacks> {
        @Field String name;
    }

    @Nested
    class Order {

        @Test
        void superclassesFirstThenDeclarationOrderWithinEachClass() {
            Child child = new Child();
            assertThat(callbacks(Child.class).run(BEFORE_SAVE, child)).isTrue();
            assertThat(child.log).containsExactly("gpZulu", "gpAlpha", "gpMike", "pYankee", "pBravo", "pKilo", "cXray",
                    "cCharlie", "cLima");
            child.log.clear();
            callbacks(Child.class).run(AFTER_SAVE, child);
            assertThat(child.log).containsExactly("gpAfter", "pAfter", "cAfter");
        }

        @Test
        void describeNamesTheMethodsInOrder() {
            assertThat(callbacks(Child.class).describe(BEFORE_SAVE)).containsExactly("Child.gpZulu()", "Child.gpAlpha()",
                    "Child.gpMike()", "Child.pYankee()", "Child.pBravo()", "Child.pKilo()", "Child.cXray()",
                    "Child.cCharlie()", "Child.cLima()");
        }

        @Test
        void eachClassOfTheHierarchySeesOnlyItsOwnAndInheritedCallbacks() {
            Parent parent = new Parent();
            callbacks(Parent.class).run(BEFORE_SAVE, parent);
            assertThat(parent.log).containsExactly("gpZulu", "gpAlpha", "gpMike", "pYankee", "pBravo", "pKilo");
            Grandparent grandparent = new Grandparent();
            callbacks(Grandparent.class).run(BEFORE_SAVE, grandparent);
            assertThat(grandparent.log).containsExactly("gpZulu", "gpAlpha", "gpMike");
        }

        @Test
        void eventsWithoutCallbacksDoNothing() {
            Child child = new Child();
            Callbacks callbacks = callbacks(Child.class);
            assertThat(callbacks.has(BEFORE_SAVE)).isTrue();
            assertThat(callbacks.has(AFTER_UPDATE)).isFalse();
            assertThat(callbacks.run(AFTER_UPDATE, child)).isTrue();
            assertThat(child.log).isEmpty();
        }

        @Test
        void aModelWithoutCallbacks() {
            Callbacks callbacks = callbacks(NoCallbacks.class);
            assertThat(callbacks).isSameAs(Callbacks.NONE);
            for (CallbackEvent event : CallbackEvent.values()) {
                assertThat(callbacks.has(event)).isFalse();
                assertThat(callbacks.run(event, new NoCallbacks())).isTrue();
            }
        }

        @Test
        void theSchemaCarriesTheCallbacks() {
            assertThat(TestSchemas.of(Child.class).callbacks().has(AFTER_SAVE)).isTrue();
        }
    }

    @Nested
    class SeveralAnnotations {

        @Test
        void oneMethodRunsForEachOfItsEvents() {
            Callbacks callbacks = callbacks(Multi.class);
            Multi m = new Multi();
            assertThat(callbacks.run(BEFORE_SAVE, m)).isTrue();
            assertThat(m.log).containsExactly("stamp", "guard");
            m.log.clear();
            callbacks.run(BEFORE_CREATE, m);
            assertThat(m.log).containsExactly("stamp", "other");
            m.log.clear();
            callbacks.run(AFTER_SAVE, m);
            assertThat(m.log).containsExactly("stamp");
            m.log.clear();
            assertThat(callbacks.run(BEFORE_DESTROY, m)).isTrue();
            assertThat(m.log).containsExactly("guard");
            assertThat(callbacks.has(AFTER_CREATE)).isFalse();
        }

        @Test
        void everyAnnotationMapsToItsEvent() {
            Callbacks callbacks = callbacks(Everything.class);
            Everything e = new Everything();
            for (CallbackEvent event : CallbackEvent.values()) {
                assertThat(callbacks.has(event)).as(event.name()).isTrue();
                assertThat(callbacks.describe(event)).as(event.name()).containsExactly("Everything.any()");
                assertThat(callbacks.run(event, e)).isTrue();
            }
            assertThat(e.log).hasSize(CallbackEvent.values().length);
        }
    }

    @Nested
    class Abort {

        @Test
        void returningTrueCarriesOn() {
            Guarded g = new Guarded();
            assertThat(callbacks(Guarded.class).run(BEFORE_SAVE, g)).isTrue();
            assertThat(g.log).containsExactly("first", "guard", "last");
        }

        @Test
        void returningFalseStopsTheLaterCallbacks() {
            Guarded g = new Guarded();
            g.allow = false;
            assertThat(callbacks(Guarded.class).run(BEFORE_SAVE, g)).isFalse();
            assertThat(g.log).containsExactly("first", "guard");
        }

        @Test
        void aSuperclassGuardStopsTheSubclassCallbacks() {
            GuardedChild g = new GuardedChild();
            g.allow = false;
            assertThat(callbacks(GuardedChild.class).run(BEFORE_SAVE, g)).isFalse();
            assertThat(g.log).containsExactly("first", "guard");
            g.allow = true;
            g.log.clear();
            assertThat(callbacks(GuardedChild.class).run(BEFORE_SAVE, g)).isTrue();
            assertThat(g.log).containsExactly("first", "guard", "last", "childFirst");
        }

        @Test
        void everyBeforeEventMayReturnBoolean() {
            Callbacks callbacks = callbacks(BooleanBefores.class);
            BooleanBefores b = new BooleanBefores();
            for (CallbackEvent event : List.of(BEFORE_VALIDATION, BEFORE_SAVE, BEFORE_CREATE, BEFORE_UPDATE, BEFORE_DESTROY)) {
                assertThat(event.canAbort()).isTrue();
                b.answer = false;
                assertThat(callbacks.run(event, b)).as(event.name()).isFalse();
                b.answer = true;
                assertThat(callbacks.run(event, b)).as(event.name()).isTrue();
            }
        }
    }

    @Nested
    class Overrides {

        @Test
        void anAnnotatedOverrideRunsOnceWhereTheMethodWasFirstDeclared() {
            AnnotatedOverride o = new AnnotatedOverride();
            callbacks(AnnotatedOverride.class).run(BEFORE_SAVE, o);
            assertThat(o.log).containsExactly("Base.first", "AnnotatedOverride.normalize", "Base.normalize", "Base.secret",
                    "Base.last", "AnnotatedOverride.own", "AnnotatedOverride.secret");
        }

        @Test
        void anOverrideAddingAnEventRegistersItThere() {
            AnnotatedOverride o = new AnnotatedOverride();
            callbacks(AnnotatedOverride.class).run(AFTER_SAVE, o);
            assertThat(o.log).containsExactly("AnnotatedOverride.normalize", "Base.normalize");
        }

        @Test
        void anUnannotatedOverrideStillRunsInsteadOfTheOriginal() {
            PlainOverride o = new PlainOverride();
            callbacks(PlainOverride.class).run(BEFORE_SAVE, o);
            assertThat(o.log).containsExactly("Base.first", "PlainOverride.normalize", "Base.secret", "Base.last");
        }

        @Test
        void overridesOverSeveralLevels() {
            OverrideOfOverride o = new OverrideOfOverride();
            callbacks(OverrideOfOverride.class).run(BEFORE_SAVE, o);
            assertThat(o.log).containsExactly("Base.first", "OverrideOfOverride.normalize", "Base.secret", "Base.last",
                    "AnnotatedOverride.own", "AnnotatedOverride.secret");
            o.log.clear();
            callbacks(OverrideOfOverride.class).run(AFTER_SAVE, o);
            assertThat(o.log).containsExactly("OverrideOfOverride.normalize");
        }

        @Test
        void theBaseClassItselfRunsItsOwnMethods() {
            Base b = new Base();
            callbacks(Base.class).run(BEFORE_SAVE, b);
            assertThat(b.log).containsExactly("Base.first", "Base.normalize", "Base.secret", "Base.last");
        }
    }

    @Nested
    class Exceptions {

        private Throwable thrownBy(Throwable toThrow, CallbackEvent event) {
            Throws t = new Throws();
            t.toThrow = toThrow;
            return catchThrowable(() -> callbacks(Throws.class).run(event, t));
        }

        @Test
        void uncheckedExceptionsPropagateUnchanged() {
            IllegalStateException e = new IllegalStateException("no");
            assertThat(thrownBy(e, AFTER_SAVE)).isSameAs(e);
            DynarecordException d = new DynarecordException("mine");
            assertThat(thrownBy(d, AFTER_SAVE)).isSameAs(d);
        }

        @Test
        void errorsPropagateUnchanged() {
            AssertionError e = new AssertionError("bad");
            assertThat(thrownBy(e, AFTER_SAVE)).isSameAs(e);
        }

        @Test
        void checkedExceptionsAreWrappedNamingTheMethod() {
            IOException e = new IOException("disk full");
            assertThat(thrownBy(e, AFTER_SAVE))
                    .isExactlyInstanceOf(DynarecordException.class)
                    .hasMessageContaining("Throws.boom()")
                    .hasMessageContaining("disk full")
                    .cause().isSameAs(e);
            assertThat(thrownBy(e, BEFORE_SAVE))
                    .isExactlyInstanceOf(DynarecordException.class)
                    .hasMessageContaining("Throws.guardedBoom()")
                    .cause().isSameAs(e);
        }
    }

    // --- bad signatures -------------------------------------------------------------------------

    static class TakesParameter extends Model<TakesParameter> {
        @BeforeSave
        void check(String reason) {
        }
    }

    static class StaticCallback extends Model<StaticCallback> {
        @AfterSave
        static void announce() {
        }
    }

    static class ReturnsIntBefore extends Model<ReturnsIntBefore> {
        @BeforeSave
        int count() {
            return 0;
        }
    }

    static class ReturnsStringAfter extends Model<ReturnsStringAfter> {
        @AfterCreate
        String label() {
            return "";
        }
    }

    static class BooleanAfter extends Model<BooleanAfter> {
        @AfterSave
        boolean saved() {
            return true;
        }
    }

    static class BooleanBeforeAndAfter extends Model<BooleanBeforeAndAfter> {
        @BeforeSave
        @AfterUpdate
        boolean both() {
            return true;
        }
    }

    static class BoxedBoolean extends Model<BoxedBoolean> {
        @BeforeSave
        Boolean boxed() {
            return Boolean.TRUE;
        }
    }

    abstract static class AbstractCallbackParent extends Model<AbstractCallbackParent> {
        @BeforeDestroy
        abstract void cleanUp();
    }

    static class ImplementsAbstractCallback extends AbstractCallbackParent {
        @Override
        void cleanUp() {
        }
    }

    static class BadParent extends Model<BadParent> {
        @AfterFind
        void loaded(int times) {
        }
    }

    static class GoodChildOfBadParent extends BadParent {
        @AfterFind
        void fine() {
        }
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> definitionError(Class<?> type) {
        return assertThatThrownBy(() -> TestSchemas.of(type))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageStartingWith(type.getName() + " ");
    }

    @Nested
    class BadSignatures {

        @Test
        void parameters() {
            definitionError(TakesParameter.class)
                    .hasMessageContaining("check(String)")
                    .hasMessageContaining("@BeforeSave")
                    .hasMessageContaining("takes parameters; callbacks take none: remove them");
        }

        @Test
        void staticMethod() {
            definitionError(StaticCallback.class)
                    .hasMessageContaining("announce()")
                    .hasMessageContaining("is static")
                    .hasMessageContaining("remove static");
        }

        @Test
        void nonVoidReturnOnABeforeCallback() {
            definitionError(ReturnsIntBefore.class)
                    .hasMessageContaining("count()")
                    .hasMessageContaining("returns int")
                    .hasMessageContaining("change the return type to void or boolean");
        }

        @Test
        void nonVoidReturnOnAnAfterCallback() {
            definitionError(ReturnsStringAfter.class)
                    .hasMessageContaining("label()")
                    .hasMessageContaining("returns java.lang.String")
                    .hasMessageContaining("@AfterCreate callbacks return void")
                    .hasMessageContaining("change the return type to void");
        }

        @Test
        void booleanOnAnAfterCallback() {
            definitionError(BooleanAfter.class)
                    .hasMessageContaining("saved()")
                    .hasMessageContaining("returns boolean, but only before-callbacks")
                    .hasMessageContaining("@AfterSave cannot abort")
                    .hasMessageContaining("change the return type to void");
        }

        @Test
        void booleanOnAMethodThatIsAlsoAnAfterCallback() {
            definitionError(BooleanBeforeAndAfter.class)
                    .hasMessageContaining("both()")
                    .hasMessageContaining("@BeforeSave @AfterUpdate")
                    .hasMessageContaining("@AfterUpdate cannot abort")
                    .hasMessageContaining("change the return type to void");
        }

        @Test
        void boxedBoolean() {
            definitionError(BoxedBoolean.class)
                    .hasMessageContaining("boxed()")
                    .hasMessageContaining("returns java.lang.Boolean")
                    .hasMessageContaining("void or boolean");
        }

        @Test
        void abstractMethod() {
            definitionError(ImplementsAbstractCallback.class)
                    .hasMessageContaining("AbstractCallbackParent.cleanUp()")
                    .hasMessageContaining("is abstract")
                    .hasMessageContaining("move the annotation to the implementation");
        }

        @Test
        void aBadSignatureInASuperclassNamesItsClass() {
            definitionError(GoodChildOfBadParent.class)
                    .hasMessageContaining("BadParent.loaded(int)")
                    .hasMessageContaining("@AfterFind")
                    .hasMessageContaining("callbacks take none");
        }

        @Test
        void theModelCannotBeInstantiatedEither() {
            assertThatThrownBy(TakesParameter::new).isInstanceOf(ModelDefinitionException.class)
                    .hasMessageContaining("takes parameters");
        }
    }

    @Nested
    class Immutability {

        @Test
        void callbacksCopyTheirInput() {
            List<String> log = new ArrayList<>();
            List<Callbacks.Callback> list = new ArrayList<>();
            list.add(record -> log.add("one"));
            Map<CallbackEvent, List<Callbacks.Callback>> map = new EnumMap<>(CallbackEvent.class);
            map.put(AFTER_SAVE, list);
            map.put(AFTER_CREATE, new ArrayList<>());
            Callbacks callbacks = new Callbacks(map);
            list.add(record -> log.add("two"));
            map.put(BEFORE_SAVE, List.of(record -> false));
            assertThat(callbacks.run(AFTER_SAVE, new Object())).isTrue();
            assertThat(log).containsExactly("one");
            assertThat(callbacks.has(BEFORE_SAVE)).isFalse();
            assertThat(callbacks.has(AFTER_CREATE)).isFalse();
        }
    }

    // --- MethodOrder ----------------------------------------------------------------------------

    static class Outer {
        static final long BIG = 1L << 40;
        static final double RATIO = 2.5;
        static final float SMALL = 1.5f;
        static final int LARGE = 123_456;
        static final String TEXT = "text";
        @Field List<String> annotatedGeneric;

        static class Inner {
            void zeta() {
            }

            void alpha(int x) {
            }

            String mike() {
                return "m" + BIG + RATIO + SMALL + LARGE + TEXT;
            }

            static void bravo() {
            }

            void alpha() {
            }

            static class Deepest {
                Supplier<String> yankee() {
                    return () -> "y" + System.nanoTime();
                }

                long delta(long a, double b) {
                    return a + (long) b + 9_876_543_210L;
                }

                Object[] charlie(String[][] s, List<?> l) {
                    return s;
                }
            }
        }

        void xray() {
        }

        void echo() {
        }
    }

    interface Shuffled {
        void zulu();

        void alpha();

        void mike();
    }

    private static List<String> withoutConstructorsAndSynthetics(List<String> keys) {
        return keys.stream().filter(k -> !k.startsWith("<") && !k.startsWith("lambda$")).toList();
    }

    @Nested
    class MethodOrders {

        @Test
        void classFileOrderIsTheDeclarationOrder() {
            assertThat(MethodOrder.classFileOrder(Outer.class)).hasValueSatisfying(keys ->
                    assertThat(withoutConstructorsAndSynthetics(keys)).containsExactly("xray()V", "echo()V"));
        }

        @Test
        void nestedClasses() {
            assertThat(MethodOrder.classFileOrder(Outer.Inner.class)).hasValueSatisfying(keys ->
                    assertThat(withoutConstructorsAndSynthetics(keys))
                            .containsExactly("zeta()V", "alpha(I)V", "mike()Ljava/lang/String;", "bravo()V", "alpha()V"));
            assertThat(MethodOrder.classFileOrder(Outer.Inner.Deepest.class)).hasValueSatisfying(keys ->
                    assertThat(withoutConstructorsAndSynthetics(keys)).containsExactly("yankee()Ljava/util/function/Supplier;",
                            "delta(JD)J", "charlie([[Ljava/lang/String;Ljava/util/List;)[Ljava/lang/Object;"));
        }

        @Test
        void declaredSortsReflectionsMethods() {
            assertThat(MethodOrder.declared(Outer.Inner.class).stream().map(Method::getName))
                    .containsExactly("zeta", "alpha", "mike", "bravo", "alpha");
            assertThat(MethodOrder.declared(Outer.Inner.Deepest.class).stream().filter(m -> !m.isSynthetic())
                    .map(Method::getName))
                    .containsExactly("yankee", "delta", "charlie");
            assertThat(MethodOrder.declared(Child.class).stream().map(MethodOrder::key))
                    .containsExactly("cXray()V", "cCharlie()V", "cLima()V", "cAfter()V");
        }

        @Test
        void keyIsNameAndDescriptor() throws NoSuchMethodException {
            assertThat(MethodOrder.key(Outer.Inner.Deepest.class.getDeclaredMethod("delta", long.class, double.class)))
                    .isEqualTo("delta(JD)J");
        }

        @Test
        void topLevelAndJdkClasses() {
            assertThat(MethodOrder.classFileOrder(CallbacksTest.class)).hasValueSatisfying(keys ->
                    assertThat(keys).contains("callbacks(Ljava/lang/Class;)Ldev/dynarecord/internal/schema/Callbacks;"));
            // a JDK class: a big constant pool, with Long, Double, MethodHandle and InvokeDynamic entries
            assertThat(MethodOrder.classFileOrder(String.class)).hasValueSatisfying(keys ->
                    assertThat(keys).contains("length()I", "isEmpty()Z"));
            assertThat(MethodOrder.classFileOrder(Double.class)).isPresent();
        }

        @Test
        void classesWithoutAClassFileAreSortedByName() {
            Class<?> proxy = Proxy.newProxyInstance(Shuffled.class.getClassLoader(), new Class<?>[] {Shuffled.class},
                    (p, method, args) -> null).getClass();
            assertThat(MethodOrder.classFileOrder(proxy)).isEmpty();
            // the JDK may add methods of its own to a proxy class, so check the order rather than the list
            assertThat(MethodOrder.declared(proxy).stream().map(Method::getName).toList())
                    .isSorted()
                    .containsSubsequence("alpha", "equals", "hashCode", "mike", "toString", "zulu");
            Runnable lambda = () -> { };
            assertThat(MethodOrder.classFileOrder(lambda.getClass())).isEmpty();
            assertThat(MethodOrder.classFileOrder(int[].class)).isEmpty();
        }

        @Test
        void bytesThatAreNotAClassFile() throws IOException {
            assertThatThrownBy(() -> MethodOrder.parse(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
                    .isInstanceOf(IOException.class).hasMessageContaining("not a class file");
            byte[] real;
            try (var in = Outer.class.getResourceAsStream("CallbacksTest$Outer.class")) {
                real = in.readAllBytes();
            }
            assertThat(MethodOrder.parse(real)).contains("xray()V", "echo()V");
            assertThatThrownBy(() -> MethodOrder.parse(Arrays.copyOf(real, real.length / 2))).isInstanceOf(IOException.class);
            byte[] badTag = real.clone();
            badTag[10] = 99; // the first constant pool entry's tag
            assertThatThrownBy(() -> MethodOrder.parse(badTag)).isInstanceOf(IOException.class)
                    .hasMessageContaining("unknown constant pool tag 99");
        }
    }
}
