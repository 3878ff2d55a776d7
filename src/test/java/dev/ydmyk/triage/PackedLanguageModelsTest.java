package dev.ydmyk.triage;

import com.github.pemistahl.lingua.api.Language;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PackedLanguageModelsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aPackedModelGivesLinguasOwnProbabilityForEveryNgram(int length) {
        for (Language language : new Language[] {Language.BOKMAL, Language.NYNORSK, Language.DANISH, Language.SWEDISH,
                Language.ENGLISH, Language.GERMAN, Language.FINNISH}) {
            Object2FloatMap<String> lingua = PackedLanguageModels.read(language, length);
            PackedLanguageModels.Model packed = PackedLanguageModels.Model.of(lingua);
            assertEquals(lingua.size(), packed.size(), language + " " + length);
            for (Object2FloatMap.Entry<String> e : lingua.object2FloatEntrySet()) {
                assertEquals(e.getFloatValue(), packed.getFloat(e.getKey()), language + " " + e.getKey());
            }
            assertEquals(lingua.getFloat("qqqqq".substring(0, length)), packed.getFloat("qqqqq".substring(0, length)));
        }
    }

    @Test
    void ngramsThatDoNotPackAreKeptAsThey() {
        var lingua = new it.unimi.dsi.fastutil.objects.Object2FloatOpenHashMap<String>();
        lingua.put("ab", 0.5f);
        lingua.put("日本", 0.25f);
        lingua.put("abcdef", 0.125f);
        PackedLanguageModels.Model packed = PackedLanguageModels.Model.of(lingua);
        assertEquals(0.5f, packed.getFloat("ab"));
        assertEquals(0.25f, packed.getFloat("日本"));
        assertEquals(0.125f, packed.getFloat("abcdef"));
        assertEquals(0f, packed.getFloat("ba"));
        assertFalse(packed.containsKey("abc"));
        assertEquals(3, packed.object2FloatEntrySet().size());
    }
}
