package dev.ydmyk.schedule;

import dev.ydmyk.config.YdmykConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Business hours from {@code ydmyk.hours.*}, parsed once at start-up: a bad value stops it, naming the key. */
public class Schedules {

    @Produces
    @Singleton
    @Startup
    BusinessHours businessHours(YdmykConfig config) {
        return businessHours(config.hours());
    }

    static BusinessHours businessHours(YdmykConfig.Hours h) {
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, h.mon());
        week.put(DayOfWeek.TUESDAY, h.tue());
        week.put(DayOfWeek.WEDNESDAY, h.wed());
        week.put(DayOfWeek.THURSDAY, h.thu());
        week.put(DayOfWeek.FRIDAY, h.fri());
        week.put(DayOfWeek.SATURDAY, h.sat());
        week.put(DayOfWeek.SUNDAY, h.sun());
        Set<LocalDate> holidays = new LinkedHashSet<>();
        for (String d : h.holidays().orElse(List.of())) {
            try {
                holidays.add(LocalDate.parse(d.strip()));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("ydmyk.hours.holidays must list dates like 2026-12-24, not '" + d + "'");
            }
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(h.zone().strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("ydmyk.hours.zone must be a time zone like Europe/Oslo, not '" + h.zone() + "'");
        }
        return new BusinessHours(zone, week, holidays);
    }
}
