/**
 * Spring Boot auto-configuration of Dynarecord: a {@link dev.dynarecord.Session} from the
 * {@code dynarecord.*} properties ({@link dev.dynarecord.spring.boot.DynarecordProperties}), made
 * the default and closed with the context; model scanning; the {@code dynarecord} health
 * indicator; the failure analyzer. See docs/spring-boot.md.
 */
package dev.dynarecord.spring.boot;
