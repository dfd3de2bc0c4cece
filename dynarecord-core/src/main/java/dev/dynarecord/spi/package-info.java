/**
 * Service-provider interfaces: what the embedded-engine module implements, the hooks through
 * which tests and users hear every request sent, and the field access {@code dynarecord-processor}
 * generates for models.
 */
package dev.dynarecord.spi;
