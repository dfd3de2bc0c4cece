package dev.dynarecord.config;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.types.TimeFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiConsumer;

/**
 * Options read from outside the code: environment variables or properties. Each option has one
 * camel-case name ({@code tableSuffix}); a property is {@code dynarecord.tableSuffix}, a variable
 * {@code DYNARECORD_TABLE_SUFFIX}. Values never appear in error messages for secret options.
 */
final class ConfigSource {

    private record Option(String name, boolean secret, BiConsumer<Config.Builder, String> apply) {
    }

    private static final List<Option> OPTIONS = List.of(
            new Option("adapter", false, (b, v) -> b.adapter(parseEnum(Adapter.class, v))),
            new Option("namespace", false, Config.Builder::namespace),
            new Option("tableSuffix", false, Config.Builder::tableSuffix),
            new Option("region", false, Config.Builder::region),
            new Option("endpoint", false, Config.Builder::endpoint),
            new Option("billingMode", false, (b, v) -> b.billingMode(parseEnum(BillingMode.class, v))),
            new Option("readCapacity", false, (b, v) -> b.readCapacity(Long.parseLong(v.trim()))),
            new Option("writeCapacity", false, (b, v) -> b.writeCapacity(Long.parseLong(v.trim()))),
            new Option("autoCreateTables", false, (b, v) -> b.autoCreateTables(parseBoolean(v))),
            new Option("warnOnScan", false, (b, v) -> b.warnOnScan(parseBoolean(v))),
            new Option("lockVersion", false, Config.Builder::lockVersion),
            new Option("attributeNaming", false, (b, v) -> b.attributeNaming(parseEnum(AttributeNaming.class, v))),
            new Option("timestampFormat", false, (b, v) -> b.timestampFormat(parseEnum(TimeFormat.class, v))),
            new Option("errorOnScan", false, (b, v) -> b.errorOnScan(parseBoolean(v))),
            new Option("partitioning", false, (b, v) -> b.partitioning(parseBoolean(v))),
            new Option("partitionSize", false, (b, v) -> b.partitionSize(Integer.parseInt(v.trim()))),
            new Option("localDataFile", false, (b, v) -> b.localDataFile(Path.of(v.trim()))),
            new Option("parallelism", false, (b, v) -> b.parallelism(parseWholeNumber(v))),
            new Option("retryMaxAttempts", false, (b, v) -> b.retryMaxAttempts(parseWholeNumber(v))),
            new Option("retryBaseDelay", false, (b, v) -> b.retryBaseDelay(Duration.ofMillis(parseWholeNumber(v)))),
            new Option("retryMaxDelay", false, (b, v) -> b.retryMaxDelay(Duration.ofMillis(parseWholeNumber(v)))),
            new Option("slowRequestThreshold", false, (b, v) -> b.slowRequestThreshold(Duration.ofMillis(parseWholeNumber(v)))));

    private final Map<String, String> values;
    private final String sourceName;
    private final boolean environmentStyle;

    private ConfigSource(Map<String, String> values, String sourceName, boolean environmentStyle) {
        this.values = values;
        this.sourceName = sourceName;
        this.environmentStyle = environmentStyle;
    }

    static ConfigSource environment(Map<String, String> env) {
        return new ConfigSource(env, "environment variable", true);
    }

    static ConfigSource properties(Properties props, String sourceName) {
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
        return new ConfigSource(map, sourceName, false);
    }

    static ConfigSource file(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return properties(p, "property in " + file);
        } catch (IOException | IllegalArgumentException e) { // load() throws IAE on a malformed unicode escape
            throw new ConfigurationException("cannot read the properties file " + file + ": " + e.getMessage()
                    + "; check the path", e);
        }
    }

    static Optional<ConfigSource> classpath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ConfigSource.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(properties(p, "property in classpath:" + resource));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("cannot read classpath:" + resource + ": " + e.getMessage(), e);
        }
    }

    void applyTo(Config.Builder builder) {
        for (Option option : OPTIONS) {
            String key = keyOf(option.name());
            String value = values.get(key);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                option.apply().accept(builder, value);
            } catch (ConfigurationException | IllegalArgumentException e) {
                String shown = option.secret() ? "(hidden)" : "'" + value + "'";
                throw new ConfigurationException(sourceName + " " + key + " has the value " + shown
                        + " which cannot be used: " + e.getMessage(), e);
            }
        }
        String keyId = values.get(keyOf("accessKeyId"));
        String secret = values.get(keyOf("secretAccessKey"));
        if (keyId != null || secret != null) {
            if (keyId == null || secret == null) {
                throw new ConfigurationException(sourceName + "s " + keyOf("accessKeyId") + " and "
                        + keyOf("secretAccessKey") + " go together: set both, or neither");
            }
            builder.credentials(keyId, secret);
        }
    }

    private String keyOf(String camel) {
        if (!environmentStyle) {
            return "dynarecord." + camel;
        }
        StringBuilder sb = new StringBuilder("DYNARECORD_");
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_');
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        throw new IllegalArgumentException("expected one of " + List.of(type.getEnumConstants()));
    }

    private static int parseWholeNumber(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number");
        }
    }

    private static boolean parseBoolean(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }
}
