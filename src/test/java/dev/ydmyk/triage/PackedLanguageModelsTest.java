package dev.ydmyk.triage;

import com.github.pemistahl.lingua.api.Language;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void theModelsPackedByTheBuildReadBackAsLinguasOwn(int length) {
        for (Language language : new Language[] {Language.BOKMAL, Language.NYNORSK, Language.DANISH, Language.SWEDISH,
                Language.ENGLISH, Language.GERMAN, Language.FINNISH}) {
            String file = PackedLanguageModels.PACKED + language.getIsoCode639_1().toString().toLowerCase() + "/" + length + ".bin";
            assertNotNull(PackedLanguageModels.class.getResource(file), file + " is written by the build (process-classes)");
            Object2FloatMap<String> lingua = PackedLanguageModels.read(language, length);
            PackedLanguageModels.Model packed = PackedLanguageModels.packed(language, length);
            assertEquals(lingua.size(), packed.size(), language + " " + length);
            for (Object2FloatMap.Entry<String> e : lingua.object2FloatEntrySet()) {
                assertEquals(e.getFloatValue(), packed.getFloat(e.getKey()), language + " " + e.getKey());
            }
            assertEquals(lingua.getFloat("qqqqq".substring(0, length)), packed.getFloat("qqqqq".substring(0, length)));
            assertEquals(lingua.getFloat("ÿÿÿÿÿ".substring(0, length)), packed.getFloat("ÿÿÿÿÿ".substring(0, length)), "an n-gram the model lacks");
        }
    }

    @Test
    void aModelWrittenAndReadBackIsTheSame() throws java.io.IOException {
        var lingua = new it.unimi.dsi.fastutil.objects.Object2FloatOpenHashMap<String>();
        lingua.put("ab", 0.5f);
        lingua.put("日本", 0.25f);
        lingua.put("xyz", 0.125f);
        lingua.defaultReturnValue(-1f);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        PackedLanguageModels.Model.of(lingua).writeTo(bytes);
        PackedLanguageModels.Model back = PackedLanguageModels.Model.readFrom(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(3, back.size());
        assertEquals(0.5f, back.getFloat("ab"));
        assertEquals(0.25f, back.getFloat("日本"));
        assertEquals(0.125f, back.getFloat("xyz"));
        assertEquals(-1f, back.getFloat("zz"));
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
