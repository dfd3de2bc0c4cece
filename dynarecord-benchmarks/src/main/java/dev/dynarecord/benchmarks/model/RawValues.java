package dev.dynarecord.benchmarks.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a careful engineer writes once for hand-written mapping: null-tolerant readers and cheap
 * writers, including fixed-width ISO-8601 text for times (the same text Dynarecord stores:
 * {@code 2026-11-21T09:30:00.123456789Z}, nine fraction digits) with char arithmetic instead of
 * {@code DateTimeFormatter}.
 */
public final class RawValues {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int DATE_TIME_LENGTH = 29;

    private RawValues() {
    }

    // ---- readers: null when the attribute is absent ----

    static String s(AttributeValue v) {
        return v == null ? null : v.s();
    }

    static int i(AttributeValue v) {
        return v == null ? 0 : Integer.parseInt(v.n());
    }

    static long l(AttributeValue v) {
        return v == null ? 0L : Long.parseLong(v.n());
    }

    static double d(AttributeValue v) {
        return v == null ? 0.0 : Double.parseDouble(v.n());
    }

    static boolean bool(AttributeValue v) {
        return v != null && v.bool();
    }

    static BigDecimal decimal(AttributeValue v) {
        return v == null ? null : new BigDecimal(v.n());
    }

    static Set<String> stringSet(AttributeValue v) {
        if (v == null || !v.hasSs()) {
            return null;
        }
        List<String> ss = v.ss();
        Set<String> out = new LinkedHashSet<>(capacity(ss.size()));
        out.addAll(ss);
        return out;
    }

    static Set<Integer> intSet(AttributeValue v) {
        if (v == null || !v.hasNs()) {
            return null;
        }
        List<String> ns = v.ns();
        Set<Integer> out = new LinkedHashSet<>(capacity(ns.size()));
        for (int k = 0, n = ns.size(); k < n; k++) {
            out.add(Integer.valueOf(ns.get(k)));
        }
        return out;
    }

    static List<String> stringList(AttributeValue v) {
        if (v == null || !v.hasL()) {
            return null;
        }
        List<AttributeValue> l = v.l();
        List<String> out = new ArrayList<>(l.size());
        for (int k = 0, n = l.size(); k < n; k++) {
            out.add(l.get(k).s());
        }
        return out;
    }

    static List<Integer> intList(AttributeValue v) {
        if (v == null || !v.hasL()) {
            return null;
        }
        List<AttributeValue> l = v.l();
        List<Integer> out = new ArrayList<>(l.size());
        for (int k = 0, n = l.size(); k < n; k++) {
            out.add(Integer.valueOf(l.get(k).n()));
        }
        return out;
    }

    static Map<String, String> stringMap(AttributeValue v) {
        return v == null || !v.hasM() ? null : readStringMap(v.m());
    }

    static Map<String, String> readStringMap(Map<String, AttributeValue> m) {
        Map<String, String> out = new HashMap<>(capacity(m.size()));
        for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
            out.put(e.getKey(), e.getValue().s());
        }
        return out;
    }

    static Map<String, Integer> intMap(AttributeValue v) {
        if (v == null || !v.hasM()) {
            return null;
        }
        Map<String, Integer> out = new HashMap<>(capacity(v.m().size()));
        for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
            out.put(e.getKey(), Integer.valueOf(e.getValue().n()));
        }
        return out;
    }

    // ---- writers ----

    /** Double text as Dynarecord and the Enhanced Client write it (non-zero values). */
    static String n(double value) {
        return value == 0.0 ? "0" : Double.toString(value);
    }

    static AttributeValue stringSet(Set<String> set) {
        return AttributeValue.createSs(new ArrayList<>(set));
    }

    static AttributeValue intSet(Set<Integer> set) {
        List<String> ns = new ArrayList<>(set.size());
        for (Integer i : set) {
            ns.add(i.toString());
        }
        return AttributeValue.createNs(ns);
    }

    static AttributeValue stringList(List<String> list) {
        List<AttributeValue> l = new ArrayList<>(list.size());
        for (int k = 0, n = list.size(); k < n; k++) {
            l.add(AttributeValue.createS(list.get(k)));
        }
        return AttributeValue.createL(l);
    }

    static AttributeValue intList(List<Integer> list) {
        List<AttributeValue> l = new ArrayList<>(list.size());
        for (int k = 0, n = list.size(); k < n; k++) {
            l.add(AttributeValue.createN(list.get(k).toString()));
        }
        return AttributeValue.createL(l);
    }

    static AttributeValue stringMap(Map<String, String> map) {
        Map<String, AttributeValue> m = new HashMap<>(capacity(map.size()));
        for (Map.Entry<String, String> e : map.entrySet()) {
            m.put(e.getKey(), AttributeValue.createS(e.getValue()));
        }
        return AttributeValue.createM(m);
    }

    static AttributeValue intMap(Map<String, Integer> map) {
        Map<String, AttributeValue> m = new HashMap<>(capacity(map.size()));
        for (Map.Entry<String, Integer> e : map.entrySet()) {
            m.put(e.getKey(), AttributeValue.createN(e.getValue().toString()));
        }
        return AttributeValue.createM(m);
    }

    /** @return a HashMap capacity that holds {@code n} entries without resizing */
    static int capacity(int n) {
        return n < 3 ? n + 1 : (int) (n / 0.75f) + 1;
    }

    // ---- times: fixed-width ISO-8601 ----

    /** {@code 2026-11-21T09:30:00.123456789Z} (years 0000..9999; others fall back to java.time). */
    static String instant(Instant t) {
        long seconds = t.getEpochSecond();
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return t.toString();
        }
        char[] out = new char[DATE_TIME_LENGTH + 1];
        date(out, year, date.getMonthValue(), date.getDayOfMonth());
        out[10] = 'T';
        time(out, 11, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, t.getNano());
        out[DATE_TIME_LENGTH] = 'Z';
        return new String(out);
    }

    static Instant instant(AttributeValue v) {
        if (v == null) {
            return null;
        }
        String text = v.s();
        if (text.length() != DATE_TIME_LENGTH + 1 || text.charAt(DATE_TIME_LENGTH) != 'Z') {
            return Instant.parse(text);
        }
        long day = LocalDate.of(num(text, 0, 4), num(text, 5, 2), num(text, 8, 2)).toEpochDay();
        return Instant.ofEpochSecond(day * SECONDS_PER_DAY + num(text, 11, 2) * 3600L + num(text, 14, 2) * 60L
                + num(text, 17, 2), num(text, 20, 9));
    }

    /** {@code 2026-11-21T09:30:00.123456789+02:00}. */
    static String offsetDateTime(OffsetDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return t.toString();
        }
        String offset = t.getOffset().getId();
        char[] out = new char[DATE_TIME_LENGTH + offset.length()];
        date(out, year, t.getMonthValue(), t.getDayOfMonth());
        out[10] = 'T';
        time(out, 11, t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
        offset.getChars(0, offset.length(), out, DATE_TIME_LENGTH);
        return new String(out);
    }

    static OffsetDateTime offsetDateTime(AttributeValue v) {
        if (v == null) {
            return null;
        }
        String text = v.s();
        if (text.length() <= DATE_TIME_LENGTH || text.charAt(19) != '.') {
            return OffsetDateTime.parse(text);
        }
        return OffsetDateTime.of(
                LocalDateTime.of(LocalDate.of(num(text, 0, 4), num(text, 5, 2), num(text, 8, 2)),
                        LocalTime.of(num(text, 11, 2), num(text, 14, 2), num(text, 17, 2), num(text, 20, 9))),
                ZoneOffset.of(text.substring(DATE_TIME_LENGTH)));
    }

    /** {@code 2026-11-21}. */
    static String localDate(LocalDate d) {
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            return d.toString();
        }
        char[] out = new char[10];
        date(out, year, d.getMonthValue(), d.getDayOfMonth());
        return new String(out);
    }

    static LocalDate localDate(AttributeValue v) {
        if (v == null) {
            return null;
        }
        String text = v.s();
        return text.length() == 10 ? LocalDate.of(num(text, 0, 4), num(text, 5, 2), num(text, 8, 2)) : LocalDate.parse(text);
    }

    private static int num(String text, int from, int count) {
        int value = 0;
        for (int k = from; k < from + count; k++) {
            int c = text.charAt(k) - '0';
            if (c < 0 || c > 9) {
                throw new java.time.DateTimeException("Not a digit at " + k + " in '" + text + "'");
            }
            value = value * 10 + c;
        }
        return value;
    }

    private static void date(char[] out, int year, int month, int day) {
        write(out, 0, year, 4);
        out[4] = '-';
        write(out, 5, month, 2);
        out[7] = '-';
        write(out, 8, day, 2);
    }

    private static void time(char[] out, int at, int hour, int minute, int second, int nano) {
        write(out, at, hour, 2);
        out[at + 2] = ':';
        write(out, at + 3, minute, 2);
        out[at + 5] = ':';
        write(out, at + 6, second, 2);
        out[at + 8] = '.';
        write(out, at + 9, nano, 9);
    }

    private static void write(char[] out, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            out[k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
