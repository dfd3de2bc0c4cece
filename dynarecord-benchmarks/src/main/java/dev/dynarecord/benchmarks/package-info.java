/**
 * JMH benchmarks: Dynarecord side by side with hand-written mapping over the raw SDK (the floor)
 * and the AWS SDK's Enhanced Client (the peer), and {@code Report}, which runs them and writes
 * {@code docs/benchmarks.md}. Run with
 * {@code mvn -q -pl dynarecord-benchmarks -am compile exec:exec} (quick profile) or
 * {@code -Dbench.profile=full}.
 */
package dev.dynarecord.benchmarks;
