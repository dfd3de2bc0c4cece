/**
 * Test support: {@link dev.dynarecord.test.DynarecordTest}, a JUnit 5 extension over the embedded
 * engine, and {@link dev.dynarecord.test.RequestRecorder}, to assert what was sent.
 */
package dev.dynarecord.test;
