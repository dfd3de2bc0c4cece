package dev.dynarecord.config;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.Converters;
import java.net.URI;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The checks of a configuration's options, alone and together, and its description without
 * secrets: what {@link Config.Builder} refuses, and why, in one place.
 */
final class ConfigChecks {

    private static final Pattern NAME_CHARS = Pattern.compile("[A-Za-z0-9_.-]*");

    private ConfigChecks() {
    }

    /** Options that contradict each other. */
    static void together(ConfigValues v) {
        if (v.adapter == Adapter.LOCAL && v.client != null) {
            throw new ConfigurationException("adapter LOCAL starts its own embedded client, but a client was supplied too;"
                    + " use adapter AWS with your client, or drop the client");
        }
        if (v.adapter == Adapter.LOCAL && v.endpoint != null) {
            throw new ConfigurationException("adapter LOCAL runs in-process and takes no endpoint ("
                    + v.endpoint + "); use adapter AWS with the endpoint to reach DynamoDB Local as a server");
        }
        if (v.adapter == Adapter.AWS && v.localDataFile != null) {
            throw new ConfigurationException("localDataFile applies to adapter LOCAL only; remove it or switch the adapter to LOCAL");
        }
        if (v.accessKeyId != null && v.credentialsProvider != null) {
            throw new ConfigurationException("both static credentials and a credentials provider were given; keep one");
        }
        if (v.executor != null && v.parallelism != null) {
            throw new ConfigurationException("parallelism (" + v.parallelism + ") bounds the session's own pool, but an"
                    + " executor was supplied too; bound your executor yourself and drop parallelism, or drop the executor");
        }
    }

    /** A namespace or suffix: characters a table name can hold, short enough to leave room for the name. */
    static String namePart(String option, String value) {
        String v = value == null ? "" : value.trim();
        if (!NAME_CHARS.matcher(v).matches()) {
            throw new ConfigurationException(option + " '" + v
                    + "' has characters DynamoDB table names cannot hold; use only letters, digits, '_', '-' and '.'");
        }
        if (v.length() > 200) {
            throw new ConfigurationException(option + " is " + v.length()
                    + " characters long; keep it under 200 so table names stay within DynamoDB's 255");
        }
        return v;
    }

    static long positive(String option, long value) {
        if (value < 1) {
            throw new ConfigurationException(option + " must be at least 1, got " + value);
        }
        return value;
    }

    static AttributeNaming sessionNaming(AttributeNaming naming) {
        if (java.util.Objects.requireNonNull(naming, "attributeNaming") == AttributeNaming.CONFIGURED) {
            throw new ConfigurationException("attributeNaming CONFIGURED only means \"the session's\" in @Table(naming);"
                    + " give the session FIELD_NAMES or SNAKE_CASE");
        }
        return naming;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** @return the endpoint as a URI with a scheme and a host, or null when blank */
    static URI endpoint(String endpoint) {
        if (blankToNull(endpoint) == null) {
            return null;
        }
        try {
            URI uri = URI.create(endpoint.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("endpoint '" + endpoint + "' is not a URL: write it as http://host:port or https://host", e);
        }
    }

    /** A validator: null, or an instance of {@code jakarta.validation.Validator}, found by name (the API is optional). */
    static Object validator(Object validator) {
        if (validator == null) {
            return null;
        }
        try {
            Class<?> api = Class.forName("jakarta.validation.Validator", false, validator.getClass().getClassLoader());
            if (api.isInstance(validator)) {
                return validator;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // not a validator either
        }
        throw new ConfigurationException("validator(" + validator.getClass().getName() + "): pass a"
                + " jakarta.validation.Validator (such as a ValidatorFactory's getValidator()), or null for the default provider's");
    }

    static int parallelism(int threads) {
        if (threads < 1 || threads > Config.MAX_PARALLELISM) {
            throw new ConfigurationException("parallelism must be between 1 and " + Config.MAX_PARALLELISM + ", got " + threads
                    + "; it is the number of threads a session runs concurrent requests on (1 sends them one at a time)");
        }
        return threads;
    }

    /** A converter for a type: named, able to store it, and the only one registered for it. */
    static <T> void converter(ConfigValues v, Class<T> type, AttributeConverter<T> converter) {
        if (type == null) {
            throw new ConfigurationException("converter(null, ...): name the Java class the converter stores, as in"
                    + " converter(Money.class, new MoneyConverter())");
        }
        if (converter == null) {
            throw new ConfigurationException("converter(" + type.getSimpleName() + ".class, null): pass the converter"
                    + " that stores " + type.getName() + " values");
        }
        AttributeConverter<?> registered = v.converters.get(type);
        if (registered != null && registered != converter) {
            throw new ConfigurationException("a converter for " + type.getName() + " is registered already ("
                    + registered.getClass().getName() + "), and converter(" + type.getSimpleName() + ".class, "
                    + converter.getClass().getSimpleName() + ") would replace it; register one converter per type"
                    + " (a session that needs another one takes a configuration of its own)");
        }
        try {
            Converters.checkRegistration(type, converter);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("converter(" + type.getSimpleName() + ".class, ...): " + e.getMessage(), e);
        }
    }

    /** Every option and no secret: credentials show only whether they are set. */
    static String describe(ConfigValues v) {
        return "Config{adapter=" + v.adapter
                + ", namespace='" + v.namespace + "'"
                + ", tableSuffix='" + v.tableSuffix + "'"
                + (v.adapter == Adapter.LOCAL ? ", engine=embedded(" + (v.localDataFile == null ? "memory" : v.localDataFile) + ")"
                        : ", region=" + (v.region == null ? "(sdk default)" : v.region)
                        + ", endpoint=" + (v.endpoint == null ? "(default)" : v.endpoint)
                        + ", credentials=" + credentials(v)
                        + ", client=" + (v.client == null ? "(built)" : "(supplied)"))
                + ", billing=" + v.billingMode
                + (v.billingMode == BillingMode.PROVISIONED ? ", capacity=" + v.readCapacity + "/" + v.writeCapacity : "")
                + ", autoCreateTables=" + v.autoCreate()
                + ", warnOnScan=" + v.warnOnScan
                + ", lockVersion=" + (v.lockVersion.isEmpty() ? "(off)" : v.lockVersion)
                + (v.attributeNaming == AttributeNaming.FIELD_NAMES ? "" : ", attributeNaming=" + v.attributeNaming)
                + (v.timestampFormat == dev.dynarecord.types.TimeFormat.ISO_8601 ? "" : ", timestampFormat=" + v.timestampFormat)
                + ", errorOnScan=" + v.errorOnScan
                + ", partitioning=" + v.partitioning
                + (v.partitioning ? ", partitionSize=" + v.partitionSize : "")
                + (v.executor == null ? ", parallelism=" + v.threads() : ", executor=(supplied)")
                + (v.validator == null ? "" : ", validator=(supplied)")
                + (v.retryPolicy.equals(RetryPolicy.DEFAULT) ? "" : ", retryPolicy=" + v.retryPolicy)
                + (v.slowRequestThreshold == null ? "" : ", slowRequestThreshold=" + v.slowRequestThreshold.toMillis() + "ms")
                + (v.observers.isEmpty() ? "" : ", observers=" + v.observers.size())
                + (v.converters.isEmpty() ? "" : ", converters=" + converters(v))
                + "}";
    }

    private static String converters(ConfigValues v) {
        StringJoiner all = new StringJoiner(", ", "{", "}");
        v.converters.forEach((type, converter) -> all.add(type.getSimpleName() + "=" + converter.getClass().getSimpleName()));
        return all.toString();
    }

    private static String credentials(ConfigValues v) {
        if (v.accessKeyId != null) {
            return "static(****)";
        }
        return v.credentialsProvider != null ? "provider(supplied)" : "(sdk default chain)";
    }
}
