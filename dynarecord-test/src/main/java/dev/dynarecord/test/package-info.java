/**
 * Test support: {@link dev.dynarecord.test.DynarecordTest}, a JUnit 5 extension over the embedded
 * engine, {@link dev.dynarecord.test.RequestRecorder}, to assert what was sent, and
 * {@link dev.dynarecord.test.FaultyClient}, a client that fails on purpose, and
 * {@link dev.dynarecord.test.PartitionLimitClient}, a client that throttles each partition key's
 * writes as DynamoDB does.
 */
package dev.dynarecord.test;
