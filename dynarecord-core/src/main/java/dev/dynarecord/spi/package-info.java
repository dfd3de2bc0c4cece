/**
 * Service-provider interfaces: what the embedded-engine module implements, and the hook through
 * which tests and users hear every request sent.
 */
package dev.dynarecord.spi;
