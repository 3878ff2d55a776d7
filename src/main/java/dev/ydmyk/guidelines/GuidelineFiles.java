package dev.ydmyk.guidelines;

import dev.ydmyk.config.YdmykConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the texts a support lead or operator edits: {@code prompts/...} and {@code config/...} in the
 * working directory first, then the copies packaged in the jar (so the service runs from anywhere).
 */
@ApplicationScoped
public class GuidelineFiles {

    private final Path promptsDir;
    private final Path configDir;

    public GuidelineFiles(YdmykConfig config) {
        this.promptsDir = Path.of(config.promptsDir());
        this.configDir = Path.of(config.configDir());
    }

    public Optional<String> prompt(String relative) {
        return read(promptsDir, "prompts", relative);
    }

    public Optional<String> config(String relative) {
        return read(configDir, "config", relative);
    }

    public Sections promptSections(String relative) {
        return prompt(relative).map(Sections::parse).orElse(Sections.empty());
    }

    public Sections configSections(String relative) {
        return config(relative).map(Sections::parse).orElse(Sections.empty());
    }

    private static Optional<String> read(Path dir, String packaged, String relative) {
        Path file = dir.resolve(relative);
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream("ydmyk-defaults/" + packaged + "/" + relative)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
