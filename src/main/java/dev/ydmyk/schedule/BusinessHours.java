package dev.ydmyk.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When customer service is open: per weekday {@code HH:mm-HH:mm} or {@code closed}, closed on
 * holidays, in one time zone. Local times are resolved through the zone, so summer time changes
 * move the hours with the clocks.
 */
public final class BusinessHours {

    public record Opening(LocalTime from, LocalTime to) {
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, Opening> week;
    private final Set<LocalDate> holidays;

    public BusinessHours(ZoneId zone, Map<DayOfWeek, String> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, spec) -> parse(day, spec).ifPresent(o -> this.week.put(day, o)));
        this.holidays = Set.copyOf(holidays);
    }

    static Optional<Opening> parse(DayOfWeek day, String spec) {
        String s = spec.strip().toLowerCase();
        if (s.equals("closed") || s.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = s.split("-");
        try {
            Opening o = new Opening(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            if (!o.to().isAfter(o.from())) {
                throw new IllegalArgumentException();
            }
            return Optional.of(o);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ydmyk.hours." + day.name().substring(0, 3).toLowerCase()
                    + " must be like 08:00-16:00 or 'closed', not '" + spec + "'");
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        Opening o = openingOn(local.toLocalDate());
        if (o == null) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        return !t.isBefore(o.from()) && t.isBefore(o.to());
    }

    /** The next moment customer service opens (now, if it is open now). */
    public Optional<Instant> nextOpening(Instant after) {
        if (isOpen(after)) {
            return Optional.of(after);
        }
        LocalDate day = after.atZone(zone).toLocalDate();
        for (int i = 0; i < 370; i++, day = day.plusDays(1)) {
            Opening o = openingOn(day);
            if (o != null) {
                Instant opens = day.atTime(o.from()).atZone(zone).toInstant();
                if (opens.isAfter(after)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }

    /** When customer service last closed before this moment (Friday 16:00, seen from Monday morning). */
    public Optional<Instant> previousClosing(Instant before) {
        LocalDate day = before.atZone(zone).toLocalDate();
        for (int i = 0; i < 370; i++, day = day.minusDays(1)) {
            Opening o = openingOn(day);
            if (o != null) {
                Instant closes = day.atTime(o.to()).atZone(zone).toInstant();
                if (closes.isBefore(before)) {
                    return Optional.of(closes);
                }
            }
        }
        return Optional.empty();
    }

    private Opening openingOn(LocalDate date) {
        return holidays.contains(date) ? null : week.get(date.getDayOfWeek());
    }
}
