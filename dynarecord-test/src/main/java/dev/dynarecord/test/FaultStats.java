package dev.dynarecord.test;

import static java.util.Collections.unmodifiableMap;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link FaultyClient} saw and did up to one moment: the calls made on its client, by
 * operation, and the faults it injected, by fault and operation. Immutable.
 *
 * @param calls calls made on the client, by operation name ({@code "PutItem"}), control-plane
 *     calls included; each counts once, even when a fault sent it to the table twice
 * @param faults faults injected, by fault and then by operation name; a fault never injected is
 *     absent
 */
public record FaultStats(Map<String, Long> calls, Map<Fault, Map<String, Long>> faults) {

    /**
     * Copies both maps.
     *
     * @param calls calls by operation
     * @param faults faults by fault and operation
     */
    public FaultStats {
        calls = unmodifiableMap(new TreeMap<>(calls));
        Map<Fault, Map<String, Long>> copy = new EnumMap<>(Fault.class);
        faults.forEach((fault, byOperation) -> copy.put(fault, unmodifiableMap(new TreeMap<>(byOperation))));
        faults = unmodifiableMap(copy);
    }

    /** @return every call made on the client */
    public long total() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @param operation an operation name, such as {@code "PutItem"}
     * @return the calls of that operation
     */
    public long calls(String operation) {
        return calls.getOrDefault(operation, 0L);
    }

    /** @return every fault injected */
    public long injected() {
        return faults.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    /**
     * @param fault a fault
     * @return how often it was injected, on any operation
     */
    public long injected(Fault fault) {
        return faults.getOrDefault(fault, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @param fault a fault
     * @param operation an operation name
     * @return how often that fault was injected on that operation
     */
    public long injected(Fault fault, String operation) {
        return faults.getOrDefault(fault, Map.of()).getOrDefault(operation, 0L);
    }

    @Override
    public String toString() {
        return "FaultStats[" + total() + " calls " + calls + ", " + injected() + " faults " + faults + "]";
    }
}
