package dev.dynarecord.spring.boot;

import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ModelDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a Dynarecord failure at startup into Boot's report: what went wrong and what to change.
 * Knows adapter LOCAL without {@code dynarecord-local}, a {@code dynarecord.*} property with a bad
 * value, a configuration the core refused, and a table whose key differs from its model's.
 */
public class DynarecordFailureAnalyzer extends AbstractFailureAnalyzer<DynarecordException> {

    /** The artifact the embedded engine comes in. */
    static final String LOCAL_ARTIFACT = "dev.dynarecord:dynarecord-local";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DynarecordException cause) {
        if (cause instanceof InvalidPropertyException bad) {
            return new FailureAnalysis("The property " + bad.property() + " has the value " + bad.shownValue()
                    + ", which Dynarecord cannot use: " + bad.reason(),
                    "Change " + bad.property() + " in application.properties (or the environment) as the message says,"
                            + " or remove it to keep the default.", cause);
        }
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof ConfigurationException && message.contains(LOCAL_ARTIFACT)) {
            return new FailureAnalysis("dynarecord.adapter is LOCAL, but the embedded engine is not on the classpath.",
                    "Add the dependency " + LOCAL_ARTIFACT + " (scope test for tests, or a development profile),"
                            + " or set dynarecord.adapter=AWS with a region and credentials.", cause);
        }
        if (cause instanceof ConfigurationException) {
            return new FailureAnalysis("The Dynarecord configuration cannot be used: " + message,
                    "Change the dynarecord.* properties (or your Config / DynarecordConfigCustomizer bean) as the message says.",
                    cause);
        }
        if (cause instanceof ModelDefinitionException && message.contains(" exists with key (")) {
            return new FailureAnalysis("A table exists with another key than its model declares: " + message,
                    "Migrate the table, map the model to another table (@Table(name) or dynarecord.namespace),"
                            + " or set dynarecord.models.tables=none to skip the check at startup.", cause);
        }
        if (cause instanceof ModelDefinitionException) {
            return new FailureAnalysis("A model cannot be used as declared: " + message,
                    "Change the model as the message says.", cause);
        }
        return null;
    }
}
