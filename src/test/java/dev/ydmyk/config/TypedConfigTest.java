package dev.ydmyk.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ydmyk.* is read as the typed tree Quarkus validates at start-up: a drafter it does not know stops it. */
public class TypedConfigTest {

    /** The mapping as Quarkus builds it at start-up, from these properties alone. */
    public static YdmykConfig read(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(YdmykConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(YdmykConfig.class);
    }

    @Test
    void theDrafterIsGuidelinesOrLlmInAnyCase() {
        assertEquals(YdmykConfig.DrafterChoice.GUIDELINES, read(Map.of()).drafter());
        assertEquals(YdmykConfig.DrafterChoice.LLM, read(Map.of("ydmyk.drafter", "llm")).drafter());
        assertEquals(YdmykConfig.DrafterChoice.GUIDELINES, read(Map.of("ydmyk.drafter", "GUIDELINES")).drafter());
    }

    @Test
    void anUnknownDrafterStopsStartUpNamingTheKeyAndTheValue() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> read(Map.of("ydmyk.drafter", "gpt-5")));
        String message = messages(e);
        assertTrue(message.contains("ydmyk.drafter") && message.contains("gpt-5"), message);
    }

    @Test
    void theLanguagesWeReplyInAreListedOnce() {
        assertEquals(List.of("nb", "nn", "da", "sv", "en"), ReplyLanguage.codes());
        assertEquals("Danish", ReplyLanguage.byCode("da").orElseThrow().englishName());
        assertTrue(ReplyLanguage.byCode("de").isEmpty(), "German is recognised but answered in English");
        assertTrue(read(Map.of()).triage().languages().containsAll(ReplyLanguage.codes()), "the detector knows every language we reply in");
    }

    static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
