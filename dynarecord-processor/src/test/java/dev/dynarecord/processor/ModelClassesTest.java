package dev.dynarecord.processor;

import static dev.dynarecord.processor.TestCompiler.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.spi.GeneratedAccess;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which classes get generated access, named how, and whether it can make their instances. */
class ModelClassesTest {

    @TempDir
    Path directory;

    @Test
    void servesAStaticNestedModelButNoInnerNorPrivateOne() {
        TestCompiler.Result result = TestCompiler.in(directory).compileClean(sources("com/example/Shop.java", """
                package com.example;

                import dev.dynarecord.Model;

                public class Shop {
                    public static class Item extends Model<Item> {
                        String name;
                        protected static class Part extends Model<Part> {
                            int size;
                        }
                    }
                    public class Inner extends Model<Inner> {
                        String name;
                    }
                    private static class Hidden extends Model<Hidden> {
                        String name;
                    }
                    static class InHidden {
                        private static class Deep extends Model<Deep> {
                        }
                    }
                }
                """));

        assertThat(result.generatedSources())
                .containsExactly("com/example/Shop_Item_DynarecordAccess.java", "com/example/Shop_Item_Part_DynarecordAccess.java");
        GeneratedAccess item = result.access("com.example.Shop$Item");
        assertThat(item.type()).isSameAs(result.type("com.example.Shop$Item"));
        assertThat(item.instantiable()).isTrue();
        Object instance = item.newInstance();
        item.set(item.index("name"), instance, "Lamp");
        assertThat(item.get(0, instance)).isEqualTo("Lamp");
        GeneratedAccess part = result.access("com.example.Shop$Item$Part");
        assertThat(part.newInstance()).isExactlyInstanceOf(result.type("com.example.Shop$Item$Part"));
        assertThat(part.index("size")).isZero();
    }

    @Test
    void servesAbstractModelsAndEachSubclassWithItsOwnFields() {
        TestCompiler.Result result = TestCompiler.in(directory).compileClean(sources(
                "com/example/zoo/Animal.java", """
                package com.example.zoo;

                public abstract class Animal extends dev.dynarecord.Model<Animal> {
                    public String name;
                }
                """,
                "com/example/zoo/Dog.java", """
                package com.example.zoo;

                public class Dog extends Animal {
                    public int legs;
                }
                """,
                "com/example/zoo/Puppy.java", """
                package com.example.zoo;

                public class Puppy extends Dog {
                    public boolean sleepy;
                }
                """));

        GeneratedAccess animal = result.access("com.example.zoo.Animal");
        assertThat(animal.instantiable()).isFalse();
        assertThatThrownBy(animal::newInstance).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("com.example.zoo.Animal").hasMessageContaining("abstract");
        GeneratedAccess dog = result.access("com.example.zoo.Dog");
        GeneratedAccess puppy = result.access("com.example.zoo.Puppy");
        assertThat(dog.index("name")).isEqualTo(-1);
        assertThat(dog.index("legs")).isZero();
        assertThat(puppy.index("name")).isEqualTo(-1);
        assertThat(puppy.index("legs")).isEqualTo(-1);
        assertThat(puppy.index("sleepy")).isZero();

        Object instance = puppy.newInstance();
        assertThat(instance).isExactlyInstanceOf(result.type("com.example.zoo.Puppy"));
        animal.set(animal.index("name"), instance, "Rex");
        dog.set(dog.index("legs"), instance, 4);
        puppy.set(puppy.index("sleepy"), instance, true);
        assertThat(animal.get(0, instance)).isEqualTo("Rex");
        assertThat(dog.get(0, instance)).isEqualTo(4);
        assertThat(puppy.get(0, instance)).isEqualTo(true);
    }

    @Test
    void cannotInstantiateAModelWhoseOnlyConstructorIsPrivate() {
        TestCompiler.Result result = TestCompiler.in(directory).compileClean(sources("com/example/Token.java", """
                package com.example;

                public class Token extends dev.dynarecord.Model<Token> {
                    String value;

                    private Token() {
                    }

                    public static Token create() {
                        return new Token();
                    }
                }
                """, "com/example/Ticket.java", """
                package com.example;

                public class Ticket extends dev.dynarecord.Model<Ticket> {
                    Ticket(String number) {
                    }
                }
                """, "com/example/Pass.java", """
                package com.example;

                public class Pass extends dev.dynarecord.Model<Pass> {
                    protected Pass() {
                    }
                }
                """));

        GeneratedAccess token = result.access("com.example.Token");
        assertThat(token.instantiable()).isFalse();
        assertThatThrownBy(token::newInstance).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no-arg constructor");
        Object instance = result.newInstance("com.example.Token");
        token.set(token.index("value"), instance, "t");
        assertThat(token.get(0, instance)).isEqualTo("t");
        assertThat(result.access("com.example.Ticket").instantiable()).isFalse();
        GeneratedAccess pass = result.access("com.example.Pass");
        assertThat(pass.instantiable()).isTrue();
        assertThat(pass.newInstance()).isExactlyInstanceOf(result.type("com.example.Pass"));
    }

    @Test
    void wrapsACheckedExceptionOfTheConstructor() {
        TestCompiler.Result result = TestCompiler.in(directory).compileClean(sources("com/example/Risky.java", """
                package com.example;

                public class Risky extends dev.dynarecord.Model<Risky> {
                    public static int failure;

                    public Risky() throws java.io.IOException {
                        if (failure == 1) {
                            throw new java.io.IOException("checked");
                        }
                        if (failure == 2) {
                            throw new IllegalStateException("unchecked");
                        }
                    }
                }
                """));

        GeneratedAccess risky = result.access("com.example.Risky");
        assertThat(risky.instantiable()).isTrue();
        assertThat(risky.newInstance()).isExactlyInstanceOf(result.type("com.example.Risky"));
        setFailure(result, 1);
        assertThatThrownBy(risky::newInstance).isInstanceOf(UndeclaredThrowableException.class)
                .cause().hasMessage("checked");
        setFailure(result, 2);
        assertThatThrownBy(risky::newInstance).isExactlyInstanceOf(IllegalStateException.class).hasMessage("unchecked");
    }

    private static void setFailure(TestCompiler.Result result, int failure) {
        try {
            result.type("com.example.Risky").getField("failure").setInt(null, failure);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void castsToTheRawTypeOfAGenericModel() {
        TestCompiler.Result result = TestCompiler.in(directory).compileClean(sources("com/example/Box.java", """
                package com.example;

                import java.util.List;

                public class Box<V extends CharSequence> extends dev.dynarecord.Model<Box<V>> {
                    V content;
                    List<V> history;
                    V[] all;
                }
                """));

        GeneratedAccess box = result.access("com.example.Box");
        assertThat(result.generatedSource("com/example/Box_DynarecordAccess.java"))
                .contains("((com.example.Box) instance).content = (java.lang.CharSequence) value;")
                .contains("((com.example.Box) instance).all = (java.lang.CharSequence[]) value;")
                .contains("@java.lang.SuppressWarnings({\"rawtypes\", \"unchecked\"})");
        Object instance = box.newInstance();
        box.set(box.index("content"), instance, new StringBuilder("sb"));
        box.set(box.index("history"), instance, List.of("a"));
        assertThat(box.get(box.index("content"), instance)).hasToString("sb");
        assertThat(box.get(box.index("history"), instance)).isEqualTo(List.of("a"));
        assertThatThrownBy(() -> box.set(box.index("content"), instance, 1)).isInstanceOf(ClassCastException.class);
        box.set(box.index("all"), instance, new String[] {"s"});
        assertThat(box.get(box.index("all"), instance)).isEqualTo(new String[] {"s"});
        assertThatThrownBy(() -> box.set(box.index("all"), instance, new Integer[0])).isInstanceOf(ClassCastException.class);
    }

    @Test
    void servesAModelInTheUnnamedPackage() {
        TestCompiler.Result result = TestCompiler.in(directory).compileClean(sources("Note.java", """
                public class Note extends dev.dynarecord.Model<Note> {
                    String text;
                    static class Line extends dev.dynarecord.Model<Line> {
                        int number;
                    }
                }
                """));

        assertThat(result.generatedSources()).containsExactly("Note_DynarecordAccess.java", "Note_Line_DynarecordAccess.java");
        GeneratedAccess note = result.access("Note");
        Object instance = note.newInstance();
        note.set(note.index("text"), instance, "hello");
        assertThat(note.get(note.index("text"), instance)).isEqualTo("hello");
        assertThat(result.access("Note$Line").index("number")).isZero();
        assertThat(result.output("META-INF/native-image/dev.dynarecord.generated/unnamed/reflect-config.json"))
                .contains("\"Note_DynarecordAccess\"", "\"Note_Line_DynarecordAccess\"");
    }

    @Test
    void generatesNothingForOtherClasses() {
        TestCompiler.Result result = TestCompiler.in(directory).compileClean(sources("com/example/Plain.java", """
                package com.example;

                public class Plain {
                    public String name;
                    public static class Nested extends Plain {
                        public String other;
                    }
                    public abstract static class Model<T> {
                    }
                    public static class NotOurs extends Model<NotOurs> {
                        public String name;
                    }
                    interface Shape {
                        class Circle {
                        }
                    }
                    enum Kind { A }
                    record Pair(String a) {
                    }
                }
                """));

        assertThat(result.generatedSources()).isEmpty();
        assertThat(directory.resolve("classes/META-INF")).doesNotExist();
    }

    @Test
    void leavesAFieldOfATypeItsPackageCannotNameToMethodHandles() {
        TestCompiler.Result result = TestCompiler.in(directory).compileClean(sources(
                "com/example/Vault.java", """
                package com.example;

                public class Vault {
                    private static class Secret {
                    }
                    private enum Level { LOW }
                    public static class Box extends dev.dynarecord.Model<Box> {
                        Secret secret;
                        Secret[] secrets;
                        java.util.List<Secret> list;
                        Level level;
                        String label;
                    }
                }
                """,
                "com/example/base/Base.java", """
                package com.example.base;

                public abstract class Base extends dev.dynarecord.Model<Base> {
                    protected static class Token {
                    }
                    protected enum Mode { ON }
                }
                """,
                "com/example/Derived.java", """
                package com.example;

                public class Derived extends com.example.base.Base {
                    Token token;
                    Mode mode;
                    String name;
                }
                """));

        GeneratedAccess box = result.access("com.example.Vault$Box");
        assertThat(box.index("secret")).isEqualTo(-1);
        assertThat(box.index("secrets")).isEqualTo(-1);
        assertThat(box.index("level")).isEqualTo(-1);
        assertThat(box.index("list")).as("erased to List").isZero();
        assertThat(box.index("label")).isEqualTo(1);
        GeneratedAccess derived = result.access("com.example.Derived");
        assertThat(derived.index("token")).as("protected, of another package").isEqualTo(-1);
        assertThat(derived.index("mode")).isEqualTo(-1);
        assertThat(derived.index("name")).isZero();
    }

    @Test
    void generatesAClassOnceWhenTwoModelsWouldShareItsName() {
        TestCompiler.Result result = TestCompiler.in(directory).compileClean(sources(
                "com/example/Shop.java", """
                package com.example;

                public class Shop {
                    public static class Item extends dev.dynarecord.Model<Item> {
                        String nested;
                    }
                }
                """,
                "com/example/Shop_Item.java", """
                package com.example;

                public class Shop_Item extends dev.dynarecord.Model<Shop_Item> {
                    String topLevel;
                }
                """));

        assertThat(result.generatedSources()).containsExactly("com/example/Shop_Item_DynarecordAccess.java");
        GeneratedAccess access = result.access("com.example.Shop_Item");
        assertThat(List.of(access.index("nested"), access.index("topLevel"))).containsExactlyInAnyOrder(0, -1);
        assertThat(result.notes()).anyMatch(n -> n.contains("com.example.Shop_Item_DynarecordAccess already serves"));
    }
}
