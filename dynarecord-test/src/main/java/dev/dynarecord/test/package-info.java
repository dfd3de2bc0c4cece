/**
 * Test support: {@link dev.dynarecord.test.DynarecordTest}, a JUnit 5 extension over the embedded
 * engine, {@link dev.dynarecord.test.RequestRecorder}, to assert what was sent, and
 * {@link dev.dynarecord.test.FaultyClient}, a client that fails on purpose.
 */
package dev.dynarecord.test;
