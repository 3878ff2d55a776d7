package dev.ydmyk.schedule;

import dev.ydmyk.config.TypedConfigTest;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening hours and the on-call rota are read once at start-up; a value that cannot be used stops it, naming the key. */
class ScheduleConfigTest {

    private static IllegalArgumentException refused(Map<String, String> properties) {
        return assertThrows(IllegalArgumentException.class, () -> Schedules.businessHours(TypedConfigTest.read(properties).hours()));
    }

    @Test
    void openingHoursAreParsedOnce() {
        BusinessHours hours = Schedules.businessHours(TypedConfigTest.read(Map.of("ydmyk.hours.sat", "10:00-14:00",
                "ydmyk.hours.holidays", "2026-12-24,2026-12-25")).hours());
        assertTrue(hours.isOpen(Instant.parse("2026-11-21T10:30:00Z")), "Saturday 11:30 in Oslo");
        assertFalse(hours.isOpen(Instant.parse("2026-12-24T10:30:00Z")), "Christmas Eve is a holiday");
    }

    @Test
    void badOpeningHoursStopStartUpNamingTheKeyAndValue() {
        String m = refused(Map.of("ydmyk.hours.mon", "8-16")).getMessage();
        assertTrue(m.contains("ydmyk.hours.mon") && m.contains("'8-16'"), m);
        m = refused(Map.of("ydmyk.hours.fri", "16:00-08:00")).getMessage();
        assertTrue(m.contains("ydmyk.hours.fri") && m.contains("'16:00-08:00'"), m);
        m = refused(Map.of("ydmyk.hours.zone", "Europe/Bergen")).getMessage();
        assertTrue(m.contains("ydmyk.hours.zone") && m.contains("'Europe/Bergen'"), m);
        m = refused(Map.of("ydmyk.hours.holidays", "24.12.2026")).getMessage();
        assertTrue(m.contains("ydmyk.hours.holidays") && m.contains("'24.12.2026'"), m);
    }

    @Test
    void theRotaTakesShortAndFullDayNames() {
        Map<DayOfWeek, String> rota = OnCall.rota(TypedConfigTest.read(Map.of("ydmyk.on-call.rota.saturday", "lars",
                "ydmyk.on-call.rota.sun", "kari")).onCall().rota());
        assertEquals(Map.of(DayOfWeek.SATURDAY, "lars", DayOfWeek.SUNDAY, "kari"), rota);
    }

    @Test
    void aRotaKeyThatIsNotAWeekdayStopsStartUp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnCall.rota(TypedConfigTest.read(Map.of("ydmyk.on-call.rota.lørdag", "lars")).onCall().rota()));
        assertTrue(e.getMessage().contains("ydmyk.on-call.rota.lørdag"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OnCall.rota(Map.of("sat", "lars", "saturday", "kari")));
        assertTrue(e.getMessage().contains("saturday"), e.getMessage());
    }
}
