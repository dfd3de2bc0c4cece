/** The models of {@link dev.dynarecord.benchmarks.PlanningBenchmark}: a composite key and a filtered attribute. */
package dev.dynarecord.benchmarks.planning;
