package dev.ydmyk.triage;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.Ngram;
import com.github.pemistahl.lingua.internal.TrainingDataLanguageModel;
import it.unimi.dsi.fastutil.objects.AbstractObject2FloatMap;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import it.unimi.dsi.fastutil.objects.Object2FloatOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectSet;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lingua's own n-gram models, read with Lingua's own reader, but kept as sorted arrays of packed n-grams
 * instead of one String per n-gram: the same probabilities (so the same answers) in about a fifth of
 * the memory (our 7 languages: about 35 MB of heap instead of about 190 MB). Each model is packed as soon as it is
 * read, so the full-size form of only one model is in memory at a time. The detector finds them where
 * it keeps its own (its companion's model maps) and loads nothing itself.
 *
 * <p>The build packs them once ({@link #main}, run by Maven after compiling) into
 * {@code language-models-packed/<code>/<length>.bin} on the class path, read back in a fraction of the time
 * Lingua's JSON takes (about 3 s of CPU at every start for our seven languages, beside the start-up on a machine
 * with two cores); a language the build did not pack is read from Lingua's JSON as before.
 */
final class PackedLanguageModels {

    static final String PACKED = "/language-models-packed/";

    private PackedLanguageModels() {
    }

    /**
     * Packs the models of the languages named (ISO 639-1 codes, comma-separated) into {@code dir}, as the build does:
     * {@code PackedLanguageModels <dir> nb,nn,da,sv,en,de,fi}. Files already there are kept (a clean build packs anew).
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        for (String code : args[1].split(",")) {
            Language language = Arrays.stream(Language.values())
                    .filter(l -> l.getIsoCode639_1().toString().equalsIgnoreCase(code.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no language with the code " + code));
            for (int length = 1; length <= 5; length++) {
                Path file = dir.resolve(code.strip() + "/" + length + ".bin");
                if (!Files.exists(file)) {
                    // Written beside and moved into place: a build stopped half-way leaves no half file to keep.
                    Files.createDirectories(file.getParent());
                    Path part = file.resolveSibling(length + ".bin.part");
                    try (OutputStream out = Files.newOutputStream(part)) {
                        Model.of(read(language, length)).writeTo(out);
                    }
                    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
    }

    /** Reads the unigram to fivegram models of these languages into the detector's model maps, packed. */
    static void load(List<Language> languages) {
        List<EnumMap<Language, Object2FloatMap<String>>> byLength = List.of(
                LanguageDetector.Companion.getUnigramLanguageModels$lingua(),
                LanguageDetector.Companion.getBigramLanguageModels$lingua(),
                LanguageDetector.Companion.getTrigramLanguageModels$lingua(),
                LanguageDetector.Companion.getQuadrigramLanguageModels$lingua(),
                LanguageDetector.Companion.getFivegramLanguageModels$lingua());
        for (int length = 1; length <= 5; length++) {
            EnumMap<Language, Object2FloatMap<String>> models = byLength.get(length - 1);
            for (Language language : languages) {
                synchronized (models) {
                    if (!(models.get(language) instanceof Model)) {
                        models.put(language, packed(language, length));
                    }
                }
            }
        }
    }

    /** The model as the build packed it, else read from Lingua's JSON and packed now. */
    static Model packed(Language language, int length) {
        String path = PACKED + language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT) + "/" + length + ".bin";
        try (InputStream in = PackedLanguageModels.class.getResourceAsStream(path)) {
            return in != null ? Model.readFrom(in) : Model.of(read(language, length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As Lingua reads a model: an empty one where the language has no file for that length. */
    static Object2FloatMap<String> read(Language language, int length) {
        String path = "/language-models/" + language.getIsoCode639_1() + "/" + Ngram.Companion.getNgramNameByLength(length) + "s.json";
        try (InputStream in = Language.class.getResourceAsStream(path)) {
            return in == null ? new Object2FloatOpenHashMap<>() : TrainingDataLanguageModel.Companion.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One model: n-grams of up to five characters below U+1000 packed into a long, sorted, beside their probabilities. */
    static final class Model extends AbstractObject2FloatMap<String> {
        private final long[] keys;
        private final float[] values;
        /** N-grams that do not pack (none in the languages we load, but the model must stay whole). */
        private final Map<String, Float> others;

        private Model(long[] keys, float[] values, Map<String, Float> others, float defaultValue) {
            this.keys = keys;
            this.values = values;
            this.others = others;
            defRetValue = defaultValue;
        }

        static Model of(Object2FloatMap<String> source) {
            long[] packed = new long[source.size()];
            int n = 0;
            Map<String, Float> others = new HashMap<>();
            for (Object2FloatMap.Entry<String> e : source.object2FloatEntrySet()) {
                long key = pack(e.getKey());
                if (key < 0) {
                    others.put(e.getKey(), e.getFloatValue());
                } else {
                    packed[n++] = key;
                }
            }
            long[] keys = Arrays.copyOf(packed, n);
            Arrays.sort(keys);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = source.getFloat(unpack(keys[i]));
            }
            return new Model(keys, values, others.isEmpty() ? Map.of() : others, source.defaultReturnValue());
        }

        /** The model as {@link #readFrom} reads it back: sizes, the default, the keys, the probabilities, the others. */
        void writeTo(OutputStream target) throws IOException {
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(target, 1 << 16));
            out.writeInt(keys.length);
            out.writeFloat(defRetValue);
            ByteBuffer arrays = ByteBuffer.allocate(keys.length * (Long.BYTES + Float.BYTES));
            arrays.asLongBuffer().put(keys);
            arrays.position(keys.length * Long.BYTES);
            arrays.slice().asFloatBuffer().put(values);
            out.write(arrays.array());
            out.writeInt(others.size());
            for (Map.Entry<String, Float> e : others.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeFloat(e.getValue());
            }
            out.flush();
        }

        static Model readFrom(InputStream source) throws IOException {
            DataInputStream in = new DataInputStream(source);
            int n = in.readInt();
            float defaultValue = in.readFloat();
            byte[] bytes = new byte[n * (Long.BYTES + Float.BYTES)];
            in.readFully(bytes);
            ByteBuffer arrays = ByteBuffer.wrap(bytes);
            long[] keys = new long[n];
            float[] values = new float[n];
            arrays.asLongBuffer().get(keys);
            arrays.position(n * Long.BYTES);
            arrays.slice().asFloatBuffer().get(values);
            int count = in.readInt();
            Map<String, Float> others = new HashMap<>();
            for (int i = 0; i < count; i++) {
                others.put(in.readUTF(), in.readFloat());
            }
            return new Model(keys, values, others.isEmpty() ? Map.of() : others, defaultValue);
        }

        /** Length in bits 60–62, then twelve bits a character; -1 where the n-gram does not fit. */
        static long pack(String ngram) {
            int length = ngram.length();
            if (length == 0 || length > 5) {
                return -1;
            }
            long key = length;
            for (int i = 0; i < length; i++) {
                char c = ngram.charAt(i);
                if (c >= 0x1000) {
                    return -1;
                }
                key = key << 12 | c;
            }
            return key << (12 * (5 - length));
        }

        static String unpack(long key) {
            int length = (int) (key >>> 60);
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                chars[i] = (char) (key >>> (48 - 12 * i) & 0xFFF);
            }
            return new String(chars);
        }

        @Override
        public float getFloat(Object ngram) {
            if (!(ngram instanceof String s)) {
                return defRetValue;
            }
            long key = pack(s);
            if (key < 0) {
                Float value = others.get(s);
                return value == null ? defRetValue : value;
            }
            int i = Arrays.binarySearch(keys, key);
            return i >= 0 ? values[i] : defRetValue;
        }

        @Override
        public boolean containsKey(Object ngram) {
            if (!(ngram instanceof String s)) {
                return false;
            }
            long key = pack(s);
            return key < 0 ? others.containsKey(s) : Arrays.binarySearch(keys, key) >= 0;
        }

        @Override
        public int size() {
            return keys.length + others.size();
        }

        /** Unpacked into a new map: for inspection only, the detector only looks n-grams up. */
        @Override
        public ObjectSet<Object2FloatMap.Entry<String>> object2FloatEntrySet() {
            Object2FloatOpenHashMap<String> all = new Object2FloatOpenHashMap<>(size());
            for (int i = 0; i < keys.length; i++) {
                all.put(unpack(keys[i]), values[i]);
            }
            others.forEach(all::put);
            return all.object2FloatEntrySet();
        }
    }
}
