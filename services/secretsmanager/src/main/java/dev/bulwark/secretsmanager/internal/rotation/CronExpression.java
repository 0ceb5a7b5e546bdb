package dev.bulwark.secretsmanager.internal.rotation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An AWS cron expression, {@code cron(minutes hours day-of-month month day-of-week year)}, in UTC,
 * as EventBridge and Secrets Manager read it: six fields; one of day-of-month and day-of-week
 * must be {@code ?}; fields take {@code *}, values, ranges {@code a-b}, lists {@code a,b},
 * increments {@code a/n} and {@code * /n}; months JAN-DEC and days SUN-SAT (1 = Sunday) by name;
 * day-of-month {@code L} (last day) and {@code nW} (nearest weekday); day-of-week {@code L}
 * ({@code 6L}: last Friday) and {@code #} ({@code 2#1}: first Monday).
 *
 * <p>{@link #next} walks forward minute by minute only inside matching days and hours, so it
 * finds the next time within a few thousand steps for any valid expression.
 */
public final class CronExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int MAX_YEAR = 2199;

    private final BitSet minutes;
    private final BitSet hours;
    private final DayOfMonth dayOfMonth;
    private final BitSet months;
    private final DayOfWeekField dayOfWeek;
    private final BitSet years;

    private CronExpression(BitSet minutes, BitSet hours, DayOfMonth dayOfMonth, BitSet months, DayOfWeekField dayOfWeek, BitSet years) {
        this.minutes = minutes;
        this.hours = hours;
        this.dayOfMonth = dayOfMonth;
        this.months = months;
        this.dayOfWeek = dayOfWeek;
        this.years = years;
    }

    /** Parses the inside of {@code cron(...)}; throws IllegalArgumentException with the reason. */
    public static CronExpression parse(String fields) {
        String[] parts = fields.trim().split("\\s+");
        if (parts.length != 6) {
            throw new IllegalArgumentException("a cron expression has six fields");
        }
        boolean domAny = parts[2].equals("?");
        boolean dowAny = parts[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("one of day-of-month and day-of-week must be ?, not both");
        }
        return new CronExpression(
                field(parts[0], 0, 59, List.of(), 0),
                field(parts[1], 0, 23, List.of(), 0),
                domAny ? null : DayOfMonth.parse(parts[2]),
                field(parts[3], 1, 12, MONTHS, 1),
                dowAny ? null : DayOfWeekField.parse(parts[4]),
                field(parts[5], 1970, MAX_YEAR, List.of(), 0));
    }

    /** The first time strictly after {@code after} that the expression names, if any. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime time = after.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = time.toLocalDate();
        while (day.getYear() <= MAX_YEAR) {
            if (matchesDay(day)) {
                LocalDateTime start = day.equals(time.toLocalDate()) ? time.toLocalDateTime() : day.atStartOfDay();
                for (int hour = start.getHour(); hour < 24; hour++) {
                    if (!hours.get(hour)) {
                        continue;
                    }
                    int firstMinute = hour == start.getHour() ? start.getMinute() : 0;
                    int minute = minutes.nextSetBit(firstMinute);
                    if (minute >= 0 && minute < 60) {
                        return Optional.of(day.atTime(hour, minute).atZone(ZoneOffset.UTC));
                    }
                }
            }
            day = day.plusDays(1);
        }
        return Optional.empty();
    }

    private boolean matchesDay(LocalDate day) {
        if (!years.get(day.getYear()) || !months.get(day.getMonthValue())) {
            return false;
        }
        return dayOfMonth != null ? dayOfMonth.matches(day) : dayOfWeek.matches(day);
    }

    private static BitSet field(String text, int min, int max, List<String> names, int nameBase) {
        BitSet set = new BitSet();
        for (String part : text.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
                if (step <= 0) {
                    throw new IllegalArgumentException("an increment must be positive: " + part);
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = value(ends[0], names, nameBase);
                to = value(ends[1], names, nameBase);
            } else {
                from = value(range, names, nameBase);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException("out of range " + min + "-" + max + ": " + part);
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int value(String text, List<String> names, int nameBase) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + nameBase;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a value: " + text);
        }
    }

    /** Day-of-month: values, {@code L}, or {@code nW}. */
    private record DayOfMonth(BitSet days, boolean last, int nearestWeekday) {
        static DayOfMonth parse(String text) {
            if (text.equals("L")) {
                return new DayOfMonth(new BitSet(), true, 0);
            }
            if (text.endsWith("W")) {
                int day = Integer.parseInt(text.substring(0, text.length() - 1));
                if (day < 1 || day > 31) {
                    throw new IllegalArgumentException("out of range 1-31: " + text);
                }
                return new DayOfMonth(new BitSet(), false, day);
            }
            return new DayOfMonth(field(text, 1, 31, List.of(), 0), false, 0);
        }

        boolean matches(LocalDate day) {
            if (last) {
                return day.getDayOfMonth() == YearMonth.from(day).lengthOfMonth();
            }
            if (nearestWeekday > 0) {
                return day.equals(nearestWeekday(YearMonth.from(day), nearestWeekday));
            }
            return days.get(day.getDayOfMonth());
        }

        private static LocalDate nearestWeekday(YearMonth month, int wanted) {
            LocalDate day = month.atDay(Math.min(wanted, month.lengthOfMonth()));
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                return day.getDayOfMonth() == 1 ? day.plusDays(2) : day.minusDays(1);
            }
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return day.getDayOfMonth() == month.lengthOfMonth() ? day.minusDays(2) : day.plusDays(1);
            }
            return day;
        }
    }

    /** Day-of-week (1 = Sunday): values, {@code nL} (last such day of the month) or {@code n#k} (k-th such day). */
    private record DayOfWeekField(BitSet days, int lastOf, int nth, int nthDay) {
        static DayOfWeekField parse(String text) {
            if (text.endsWith("L") && text.length() > 1) {
                return new DayOfWeekField(new BitSet(), value(text.substring(0, text.length() - 1), DAYS, 1), 0, 0);
            }
            if (text.contains("#")) {
                String[] parts = text.split("#", 2);
                int k = Integer.parseInt(parts[1]);
                if (k < 1 || k > 5) {
                    throw new IllegalArgumentException("out of range 1-5: " + text);
                }
                return new DayOfWeekField(new BitSet(), 0, k, value(parts[0], DAYS, 1));
            }
            return new DayOfWeekField(field(text, 1, 7, DAYS, 1), 0, 0, 0);
        }

        boolean matches(LocalDate day) {
            int awsDay = day.getDayOfWeek().getValue() % 7 + 1;
            if (lastOf > 0) {
                return awsDay == lastOf && day.plusWeeks(1).getMonth() != day.getMonth();
            }
            if (nth > 0) {
                return awsDay == nthDay && day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(nth, toJava(nthDay))));
            }
            return days.get(awsDay);
        }

        private static DayOfWeek toJava(int awsDay) {
            return DayOfWeek.of(awsDay == 1 ? 7 : awsDay - 1);
        }
    }
}
