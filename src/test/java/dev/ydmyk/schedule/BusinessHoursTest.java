package dev.ydmyk.schedule;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessHoursTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    static BusinessHours oslo(Set<LocalDate> holidays) {
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, d.getValue() <= 5 ? "08:00-16:00" : "closed");
        }
        return new BusinessHours(OSLO, week, holidays);
    }

    static Instant oslo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OSLO).toInstant();
    }

    @Test
    void aComplaintAt1654OnAFridayIsOutOfHours() {
        assertFalse(oslo(Set.of()).isOpen(oslo("2026-11-20T16:54")));
        assertTrue(oslo(Set.of()).isOpen(oslo("2026-11-20T15:59")));
    }

    @Test
    void tenOnATuesdayIsOfficeHours() {
        assertTrue(oslo(Set.of()).isOpen(oslo("2026-11-17T10:00")));
    }

    @Test
    void aPublicHolidayIsClosed() {
        BusinessHours h = oslo(Set.of(LocalDate.parse("2026-12-24")));
        assertFalse(h.isOpen(oslo("2026-12-24T10:00")));
        assertEquals(oslo("2026-12-25T08:00"), h.nextOpening(oslo("2026-12-24T10:00")).orElseThrow());
    }

    @Test
    void summerTimeChangesMoveTheHoursWithTheClocks() {
        BusinessHours h = oslo(Set.of());
        // Clocks go forward on Sunday 29 March 2026: Monday opens at 08:00 CEST, which is 06:00 UTC.
        assertEquals(Instant.parse("2026-03-30T06:00:00Z"), h.nextOpening(oslo("2026-03-28T20:00")).orElseThrow());
        assertTrue(h.isOpen(Instant.parse("2026-03-30T06:30:00Z")));
        // Clocks go back on Sunday 25 October 2026: Monday opens at 08:00 CET, 07:00 UTC.
        assertEquals(Instant.parse("2026-10-26T07:00:00Z"), h.nextOpening(oslo("2026-10-24T20:00")).orElseThrow());
        assertFalse(h.isOpen(Instant.parse("2026-10-26T06:30:00Z")));
    }

    @Test
    void aFridayEveningsNextOpeningIsMondayMorning() {
        assertEquals(oslo("2026-11-23T08:00"), oslo(Set.of()).nextOpening(oslo("2026-11-20T16:54")).orElseThrow());
    }

    @Test
    void seenFromMondayMorningWeLastClosedOnFridayAfternoon() {
        assertEquals(oslo("2026-11-20T16:00"), oslo(Set.of()).previousClosing(oslo("2026-11-23T08:00:30")).orElseThrow());
    }

    @Test
    void badHoursAreRefusedNamingTheKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new BusinessHours(OSLO, Map.of(DayOfWeek.MONDAY, "16:00-08:00"), Set.of()));
        assertTrue(e.getMessage().contains("ydmyk.hours.mon"), e.getMessage());
    }
}
