/**
 * {@link dev.dynarecord.spring.boot.test.DynarecordSpringTest}: Spring Boot tests on the embedded
 * engine, a namespace per test class. Needs {@code spring-boot-starter-test} and
 * {@code dev.dynarecord:dynarecord-local} on the test classpath.
 */
package dev.dynarecord.spring.boot.test;
