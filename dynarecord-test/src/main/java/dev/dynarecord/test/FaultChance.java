package dev.dynarecord.test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How a {@link FaultyClient}'s rate chooses the fault of a call no scripted fault waits for: one
 * rate shared by a list of faults, each as likely once the call is to get one, or a rate of its own
 * for each fault. Immutable.
 */
final class FaultChance {

    private final double rate;
    private final List<Fault> faults;
    private final Map<Fault, Double> own;

    private FaultChance(double rate, List<Fault> faults, Map<Fault, Double> own) {
        this.rate = rate;
        this.faults = faults;
        this.own = own;
    }

    /** @return a share of {@code rate} of the calls, each getting one of the faults that can happen to it */
    static FaultChance shared(double rate, List<Fault> faults) {
        return new FaultChance(rate, List.copyOf(faults), Map.of());
    }

    /** @return each fault on its own share of the calls it can happen to, the shares laid end to end */
    static FaultChance own(Map<Fault, Double> rates) {
        return new FaultChance(0, List.of(), new EnumMap<>(rates));
    }

    /**
     * Refuses a fault's own rate that could not be drawn.
     *
     * @param rates the rates given so far
     * @param fault the fault about to get a rate
     * @param rate its rate
     * @throws IllegalArgumentException when the fault is null or {@link Fault#NONE}, the rate is outside 0 to 1, or
     *     the rates would add up to more than 1
     */
    static void check(Map<Fault, Double> rates, Fault fault, double rate) {
        if (fault == null || fault == Fault.NONE) {
            throw new IllegalArgumentException("rate(fault, rate): give a fault other than NONE, got " + fault);
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate(" + fault + ", rate): rate must be from 0 to 1, got " + rate);
        }
        double others = rates.entrySet().stream().filter(e -> e.getKey() != fault).mapToDouble(Map.Entry::getValue).sum();
        if (others + rate > 1 + 1e-9) {
            throw new IllegalArgumentException("rate(" + fault + ", " + rate + "): with the rates " + rates + " the faults"
                    + " would add up to " + (others + rate) + ", but a call gets at most one fault: keep their sum at most 1");
        }
    }

    /**
     * One draw: with a shared rate, whether the call gets a fault, then which; with rates of their
     * own, the fault whose share the draw falls in, skipping those that cannot happen to the operation.
     *
     * @return the fault, or null for none
     */
    Fault draw(String operation, SplittableRandom draws) {
        double draw = draws.nextDouble();
        if (own.isEmpty()) {
            List<Fault> possible = faults.stream().filter(f -> f.appliesTo(operation)).toList();
            return draw >= rate || possible.isEmpty() ? null : possible.get(draws.nextInt(possible.size()));
        }
        double upTo = 0;
        for (Map.Entry<Fault, Double> fault : own.entrySet()) {
            if (fault.getKey().appliesTo(operation) && draw < (upTo += fault.getValue())) {
                return fault.getKey();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return own.isEmpty() ? "rate " + rate + ", faults " + faults : "rates " + own;
    }
}
