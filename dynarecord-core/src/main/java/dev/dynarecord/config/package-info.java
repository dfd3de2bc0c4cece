/**
 * Configuration: {@link dev.dynarecord.config.Config}, built in code, from environment variables
 * or from a properties file, and the enums it uses.
 */
package dev.dynarecord.config;
