package dev.ydmyk.schedule;

import dev.ydmyk.config.YdmykConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Business hours from {@code ydmyk.hours.*}. */
public class Schedules {

    @Produces
    @Singleton
    BusinessHours businessHours(YdmykConfig config) {
        YdmykConfig.Hours h = config.hours();
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, h.mon());
        week.put(DayOfWeek.TUESDAY, h.tue());
        week.put(DayOfWeek.WEDNESDAY, h.wed());
        week.put(DayOfWeek.THURSDAY, h.thu());
        week.put(DayOfWeek.FRIDAY, h.fri());
        week.put(DayOfWeek.SATURDAY, h.sat());
        week.put(DayOfWeek.SUNDAY, h.sun());
        Set<LocalDate> holidays = new LinkedHashSet<>();
        h.holidays().orElse(java.util.List.of()).forEach(d -> holidays.add(LocalDate.parse(d.strip())));
        return new BusinessHours(ZoneId.of(h.zone()), week, holidays);
    }
}
