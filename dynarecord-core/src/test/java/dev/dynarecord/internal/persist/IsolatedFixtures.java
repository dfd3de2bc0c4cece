package dev.dynarecord.internal.persist;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Plain records for {@link ValidationsTest}'s isolated class loaders: they refer to nothing but
 * {@code jakarta.validation} annotations, which the JVM drops silently when the API is missing.
 */
final class IsolatedFixtures {

    private IsolatedFixtures() {
    }

    /** Carries constraints; invalid as constructed. */
    static final class Constrained {
        @NotBlank String name = "";
        @Size(max = 2) String code = "abc";
    }

    /** Carries no constraint. */
    static final class Unconstrained {
        String name = "";
    }
}
