package dev.ydmyk.guidelines;

import dev.ydmyk.config.YdmykConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the texts a support lead or operator edits: {@code prompts/...} and {@code config/...} in the
 * working directory first, then the copies packaged in the jar (so the service runs from anywhere).
 * A file is read and parsed once and kept until it changes on disk (its modification time or size),
 * so an edit applies to the next draft while drafting does not re-read files it already has.
 */
@ApplicationScoped
public class GuidelineFiles {

    /** A file as last read; {@code stamp} is null for the packaged copies, which do not change. */
    private record Read(String stamp, Optional<String> text, Sections sections) {
    }

    private final Path promptsDir;
    private final Path configDir;
    private final Map<Path, Read> cache = new ConcurrentHashMap<>();

    public GuidelineFiles(YdmykConfig config) {
        this.promptsDir = Path.of(config.promptsDir());
        this.configDir = Path.of(config.configDir());
    }

    public Optional<String> prompt(String relative) {
        return read(promptsDir, "prompts", relative).text();
    }

    public Optional<String> config(String relative) {
        return read(configDir, "config", relative).text();
    }

    public Sections promptSections(String relative) {
        return read(promptsDir, "prompts", relative).sections();
    }

    public Sections configSections(String relative) {
        return read(configDir, "config", relative).sections();
    }

    private Read read(Path dir, String packaged, String relative) {
        Path file = dir.resolve(relative);
        String stamp = stamp(file);
        Read cached = cache.get(file);
        if (cached != null && (cached.stamp() == null ? stamp == null : cached.stamp().equals(stamp))) {
            return cached;
        }
        Optional<String> text = stamp != null ? Optional.of(readFile(file)) : packaged(packaged + "/" + relative);
        Read fresh = new Read(stamp, text, text.map(Sections::parse).orElse(Sections.empty()));
        cache.put(file, fresh);
        return fresh;
    }

    /** Modification time and size of the file on disk, or null when there is none. */
    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? a.lastModifiedTime().toMillis() + "/" + a.size() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static Optional<String> packaged(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("ydmyk-defaults/" + resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the packaged " + resource, e);
        }
    }
}
