package dev.dynarecord.types;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Hand-written ISO-8601 text for the fixed-width forms this library writes:
 * {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnn}, optionally followed by {@code Z}. Fixed width makes the
 * stored strings sort in time order, and char arithmetic is several times faster than
 * {@code DateTimeFormatter} (which dominated mapping cost in measurements).
 *
 * <p>The parse methods return {@code null} when the text is not in the fixed form, so callers can
 * fall back to the standard java.time parsers; they throw {@code java.time.DateTimeException} for
 * text in the fixed form with impossible fields (month 13).
 */
final class IsoTime {

    /** Length of {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnn}. */
    static final int DATE_TIME_LENGTH = 29;
    private static final int TIME_LENGTH = 18;
    private static final int SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the range with 4-digit years. */
    private static final long FIRST_FIXED_SECOND = -62_167_219_200L;
    private static final long END_FIXED_SECOND = 253_402_300_800L;

    private IsoTime() {
    }

    /** {@code 2026-11-21T10:15:30.123000000Z}, or {@code null} for years outside 0000..9999. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FIXED_SECOND || seconds >= END_FIXED_SECOND) {
            return null;
        }
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        char[] out = new char[DATE_TIME_LENGTH + 1];
        writeDate(out, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        out[10] = 'T';
        writeTime(out, 11, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, instant.getNano());
        out[DATE_TIME_LENGTH] = 'Z';
        return new String(out);
    }

    /** {@code 2026-11-21T10:15:30.123000000}, or {@code null} for years outside 0000..9999. */
    static String format(LocalDateTime dateTime) {
        int year = dateTime.getYear();
        if (year < 0 || year > 9999) {
            return null;
        }
        char[] out = new char[DATE_TIME_LENGTH];
        writeDate(out, year, dateTime.getMonthValue(), dateTime.getDayOfMonth());
        out[10] = 'T';
        writeTime(out, 11, dateTime.getHour(), dateTime.getMinute(), dateTime.getSecond(), dateTime.getNano());
        return new String(out);
    }

    /** {@code 2026-11-21}, or {@code null} for years outside 0000..9999. */
    static String format(LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return null;
        }
        char[] out = new char[10];
        writeDate(out, year, date.getMonthValue(), date.getDayOfMonth());
        return new String(out);
    }

    /** {@code 10:15:30.123000000}. */
    static String format(LocalTime time) {
        char[] out = new char[TIME_LENGTH];
        writeTime(out, 0, time.getHour(), time.getMinute(), time.getSecond(), time.getNano());
        return new String(out);
    }

    /** Parses {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ} exactly, else {@code null}. */
    static Instant parseInstant(String text) {
        // One pass: each field is checked as it is read (every loaded timestamp comes through here).
        if (text.length() != DATE_TIME_LENGTH + 1 || text.charAt(DATE_TIME_LENGTH) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(19) != '.') {
            return null;
        }
        // Two digits at a time, unrolled: a digit outside 0..9 makes its pair BAD, and any sum with it negative.
        long year = pair(text, 0) * 100 + pair(text, 2);
        long month = pair(text, 5);
        long dayOfMonth = pair(text, 8);
        long hour = pair(text, 11);
        long minute = pair(text, 14);
        long second = pair(text, 17);
        long nano = pair(text, 20) * 10_000_000 + pair(text, 22) * 100_000 + pair(text, 24) * 1_000 + pair(text, 26) * 10
                + digit(text, 28);
        if ((year | month | dayOfMonth | hour | minute | second | nano) < 0) {
            return null;
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return null; // let the standard parser report it (or accept a leap second)
        }
        long day = LocalDate.of((int) year, (int) month, (int) dayOfMonth).toEpochDay();
        return Instant.ofEpochSecond(day * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second, nano);
    }

    /**
     * Parses {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnn} at the start of the text, else {@code null}.
     * Anything after the 29 characters is the caller's business (an offset, a zone).
     */
    static LocalDateTime parseDateTime(String text) {
        if (text.length() < DATE_TIME_LENGTH || !isDateTime(text)) {
            return null;
        }
        return LocalDateTime.of(date(text), LocalTime.of(number(text, 11, 2), number(text, 14, 2),
                number(text, 17, 2), number(text, 20, 9)));
    }

    /** Parses {@code yyyy-MM-dd} exactly, else {@code null}. */
    static LocalDate parseDate(String text) {
        if (text.length() != 10 || !isDate(text)) {
            return null;
        }
        return date(text);
    }

    /** Parses {@code HH:mm:ss.nnnnnnnnn} exactly, else {@code null}. */
    static LocalTime parseTime(String text) {
        if (text.length() != TIME_LENGTH || !isTime(text, 0)) {
            return null;
        }
        return LocalTime.of(number(text, 0, 2), number(text, 3, 2), number(text, 6, 2), number(text, 9, 9));
    }

    private static LocalDate date(String text) {
        return LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2));
    }

    private static boolean isDateTime(String text) {
        return isDate(text) && text.charAt(10) == 'T' && isTime(text, 11);
    }

    private static boolean isDate(String text) {
        return digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 2) && text.charAt(7) == '-'
                && digits(text, 8, 2);
    }

    private static boolean isTime(String text, int at) {
        return digits(text, at, 2) && text.charAt(at + 2) == ':' && digits(text, at + 3, 2)
                && text.charAt(at + 5) == ':' && digits(text, at + 6, 2) && text.charAt(at + 8) == '.'
                && digits(text, at + 9, 9);
    }

    private static boolean digits(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** What {@link #pair} and {@link #digit} give for a character that is not a digit: any sum of them with it is negative. */
    private static final long BAD = -10_000_000_000L;

    /** @return the value of the two digits at {@code at}, or {@link #BAD} */
    private static long pair(String text, int at) {
        int tens = text.charAt(at) - '0';
        int ones = text.charAt(at + 1) - '0';
        return (tens | ones | 9 - tens | 9 - ones) < 0 ? BAD : tens * 10 + ones;
    }

    /** @return the value of the digit at {@code at}, or {@link #BAD} */
    private static long digit(String text, int at) {
        int value = text.charAt(at) - '0';
        return (value | 9 - value) < 0 ? BAD : value;
    }

    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static void writeDate(char[] out, int year, int month, int day) {
        write(out, 0, year, 4);
        out[4] = '-';
        write(out, 5, month, 2);
        out[7] = '-';
        write(out, 8, day, 2);
    }

    private static void writeTime(char[] out, int at, int hour, int minute, int second, int nano) {
        write(out, at, hour, 2);
        out[at + 2] = ':';
        write(out, at + 3, minute, 2);
        out[at + 5] = ':';
        write(out, at + 6, second, 2);
        out[at + 8] = '.';
        write(out, at + 9, nano, 9);
    }

    private static void write(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
