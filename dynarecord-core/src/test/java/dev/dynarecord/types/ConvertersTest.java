package dev.dynarecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.ModelDefinitionException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ConvertersTest {

    /** A type no built-in converter knows. */
    static final class Money {
        final long cents;

        Money(long cents) {
            this.cents = cents;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money m && m.cents == cents;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cents);
        }
    }

    /** A JSON-friendly type for serialized fields. */
    public record Address(String street, List<String> lines, Instant since) {
    }

    enum Level { LOW, HIGH }

    static final class Registered {
    }

    List<Money> monies;
    Map<Integer, String> intKeys;
    Set<Boolean> booleans;
    Optional<String> optional;
    Map<String, List<Address>> addresses;

    private static java.lang.reflect.Type type(String field) throws NoSuchFieldException {
        return ConvertersTest.class.getDeclaredField(field).getGenericType();
    }

    @Test
    void scalarsRoundTrip() {
        assertThat(RoundTrip.of(String.class, "")).isEqualTo("");
        assertThat(RoundTrip.of(boolean.class, true)).isTrue();
        assertThat(RoundTrip.of(Boolean.class, false)).isFalse();
        assertThat(RoundTrip.of(char.class, 'ß')).isEqualTo('ß');
        UUID uuid = UUID.randomUUID();
        assertThat(RoundTrip.of(UUID.class, uuid)).isEqualTo(uuid);
        assertThat(RoundTrip.write(Level.class, Level.HIGH)).isEqualTo(AttributeValue.fromS("HIGH"));
        assertThat(RoundTrip.of(Level.class, Level.LOW)).isEqualTo(Level.LOW);
        assertThat(RoundTrip.of(byte[].class, new byte[] {0, -128, 127})).containsExactly(0, -128, 127);
        assertThat(RoundTrip.of(SdkBytes.class, SdkBytes.fromUtf8String("hi"))).isEqualTo(SdkBytes.fromUtf8String("hi"));
        assertThat(RoundTrip.of(ByteBuffer.class, ByteBuffer.wrap(new byte[] {1, 2}))).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
    }

    @Test
    void badScalarsAreConversionErrors() {
        assertThatThrownBy(() -> RoundTrip.read(Level.class, AttributeValue.fromS("MEDIUM")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("'MEDIUM'").hasMessageContaining("[LOW, HIGH]");
        assertThatThrownBy(() -> RoundTrip.read(UUID.class, AttributeValue.fromS("nope")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("not a UUID");
        assertThatThrownBy(() -> RoundTrip.read(char.class, AttributeValue.fromS("ab")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("2 characters");
        assertThatThrownBy(() -> RoundTrip.read(byte[].class, AttributeValue.fromS("ab")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("type B").hasMessageContaining("found S");
        assertThatThrownBy(() -> RoundTrip.read(List.class, AttributeValue.fromNul(true)))
                .isInstanceOf(ConversionException.class).hasMessageContaining("type L").hasMessageContaining("found NULL");
    }

    @Test
    void unsupportedTypesSayWhatToDo() throws Exception {
        assertThatThrownBy(() -> Converters.resolve(Money.class, ConverterOptions.DEFAULT))
                .isInstanceOf(ModelDefinitionException.class).hasMessageContaining(Money.class.getName())
                .hasMessageContaining("Converters.register(Money.class").hasMessageContaining("@Field(serialized = true)");
        assertThatThrownBy(() -> Converters.resolve(type("monies"), ConverterOptions.DEFAULT))
                .isInstanceOf(ModelDefinitionException.class).hasMessageContaining("(in java.util.List<");
        assertThatThrownBy(() -> Converters.resolve(type("intKeys"), ConverterOptions.DEFAULT))
                .isInstanceOf(ModelDefinitionException.class).hasMessageContaining("map keys are strings")
                .hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> Converters.resolve(type("booleans"), ConverterOptions.DEFAULT))
                .isInstanceOf(ModelDefinitionException.class).hasMessageContaining("use a List");
        assertThatThrownBy(() -> Converters.resolve(type("optional"), ConverterOptions.DEFAULT))
                .isInstanceOf(ModelDefinitionException.class).hasMessageContaining("java.util.Optional<java.lang.String>");
        assertThatThrownBy(() -> Converters.resolve(java.util.AbstractList.class, ConverterOptions.DEFAULT))
                .isInstanceOf(ModelDefinitionException.class).hasMessageContaining("no-arg constructor");
    }

    @Test
    void registeredConvertersWinAndApplyToElements() throws Exception {
        AttributeConverter<Registered> custom = new AttributeConverter<>() {
            private final Registered only = new Registered();

            @Override
            public AttributeType attributeType() {
                return AttributeType.S;
            }

            @Override
            public AttributeValue toAttributeValue(Registered value) {
                return AttributeValue.createS("the one");
            }

            @Override
            public Registered fromAttributeValue(AttributeValue value) {
                return only;
            }
        };
        Converters.register(Registered.class, custom);
        assertThat(Converters.resolve(Registered.class, ConverterOptions.DEFAULT)).isSameAs(custom);
        assertThat(RoundTrip.write(ConvertersTest.class.getDeclaredField("registeredList").getGenericType(),
                List.of(new Registered()))).isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("the one"))));
    }

    List<Registered> registeredList;

    @Test
    void serializedFieldsAreJsonWithTheirFullGenericType() throws Exception {
        ConverterOptions serialized = new ConverterOptions(true, TimeFormat.ISO_8601);
        Map<String, List<Address>> value = Map.of("home",
                List.of(new Address("Main St", List.of("a", "b"), Instant.parse("2026-11-21T10:15:30.5Z"))));
        AttributeConverter<Map<String, List<Address>>> converter = RoundTrip.converter(type("addresses"), serialized);
        assertThat(converter.attributeType()).isEqualTo(AttributeType.S);
        AttributeValue stored = converter.toAttributeValue(value);
        assertThat(stored.s()).contains("\"street\":\"Main St\"").contains("2026-11-21T10:15:30.500Z");
        assertThat(converter.fromAttributeValue(stored)).isEqualTo(value);
        assertThatThrownBy(() -> RoundTrip.of(Money.class, new Money(5), serialized))
                .isInstanceOf(ConversionException.class).hasMessageContaining("Could not write a " + Money.class.getName());
        Map<String, List<Address>> lenient = converter.fromAttributeValue(
                AttributeValue.fromS("{\"x\":[{\"street\":\"s\",\"unknown\":1}]}"));
        assertThat(lenient.get("x").get(0).street()).isEqualTo("s");
        assertThatThrownBy(() -> converter.fromAttributeValue(AttributeValue.fromS("{not json")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("Stored JSON");
    }

    @Test
    void optionsDefaultToIso() {
        assertThat(ConverterOptions.DEFAULT).isEqualTo(new ConverterOptions(false, TimeFormat.ISO_8601));
        assertThat(new ConverterOptions(false, null).timeFormat()).isEqualTo(TimeFormat.ISO_8601);
    }

    @Test
    void preferredConvertersWinOverRegisteredOnesAndApplyToElements() throws Exception {
        AttributeConverter<Registered> registered = fixed("registered");
        AttributeConverter<Registered> preferred = fixed("preferred");
        Converters.register(Registered.class, registered);
        assertThat(Converters.resolve(Registered.class, ConverterOptions.DEFAULT, Map.of(Registered.class, preferred)))
                .isSameAs(preferred);
        assertThat(Converters.resolve(Registered.class, ConverterOptions.DEFAULT, Map.of())).isSameAs(registered);
        java.lang.reflect.Type list = ConvertersTest.class.getDeclaredField("registeredList").getGenericType();
        @SuppressWarnings("unchecked")
        AttributeConverter<Object> elements = (AttributeConverter<Object>) Converters.resolve(list, ConverterOptions.DEFAULT,
                Map.of(Registered.class, preferred));
        assertThat(elements.toAttributeValue(List.of(new Registered()))).isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("preferred"))));
        assertThat(Converters.resolve(Registered.class, new ConverterOptions(true, null), Map.of(Registered.class, preferred)))
                .isInstanceOf(SerializedConverter.class);
    }

    @Test
    void theVersionChangesWhenARegistrationChangesTheRegistry() {
        AttributeConverter<Registered> one = fixed("one");
        Converters.register(Registered.class, one);
        int version = Converters.version();
        Converters.register(Registered.class, one);
        assertThat(Converters.version()).as("the same converter again").isEqualTo(version);
        Converters.register(Registered.class, fixed("two"));
        assertThat(Converters.version()).isNotEqualTo(version);
    }

    /** Declares its type through an abstract base class. */
    abstract static class Base<T> implements AttributeConverter<T> {
        @Override
        public AttributeType attributeType() {
            return AttributeType.S;
        }

        @Override
        public AttributeValue toAttributeValue(T value) {
            return AttributeValue.fromS(value.toString());
        }
    }

    static final class UuidText extends Base<UUID> {
        @Override
        public UUID fromAttributeValue(AttributeValue value) {
            return UUID.fromString(value.s());
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void registrationsAreCheckedAgainstTheTypeTheConverterDeclares() {
        Converters.checkRegistration(UUID.class, new UuidText());
        Converters.checkRegistration(long.class, new AttributeConverter<Long>() {
            @Override
            public AttributeType attributeType() {
                return AttributeType.N;
            }

            @Override
            public AttributeValue toAttributeValue(Long value) {
                return AttributeValue.fromN(value.toString());
            }

            @Override
            public Long fromAttributeValue(AttributeValue value) {
                return Long.valueOf(value.n());
            }
        });
        // (Registered, not String: a registration wrongly accepted here would change every model's strings.)
        assertThatThrownBy(() -> Converters.register((Class) Registered.class, (AttributeConverter) new UuidText()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("UuidText converts java.util.UUID values")
                .hasMessageContaining("cannot be registered for " + Registered.class.getName());
        assertThatThrownBy(() -> Converters.checkRegistration(Registered.class, new Base<UUID>() {
            @Override
            public UUID fromAttributeValue(AttributeValue value) {
                return null;
            }
        })).isInstanceOf(ConfigurationException.class).hasMessageContaining("converts java.util.UUID values");
    }

    private static AttributeConverter<Registered> fixed(String text) {
        return new AttributeConverter<>() {
            @Override
            public AttributeType attributeType() {
                return AttributeType.S;
            }

            @Override
            public AttributeValue toAttributeValue(Registered value) {
                return AttributeValue.fromS(text);
            }

            @Override
            public Registered fromAttributeValue(AttributeValue value) {
                return new Registered();
            }
        };
    }
}
