package dev.ydmyk.guidelines;

import dev.ydmyk.config.YdmykConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A support lead's edit applies to the next read; a file that goes away falls back to the packaged copy. */
class GuidelineFilesTest {

    static YdmykConfig dirs(Path prompts) {
        return (YdmykConfig) Proxy.newProxyInstance(YdmykConfig.class.getClassLoader(), new Class<?>[]{YdmykConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "promptsDir", "configDir" -> prompts.toString();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void anEditedFileIsReadAgainAndAnUnchangedOneIsNot(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("nb")).resolve("reply.txt");
        Files.writeString(file, "[greeting]\nHei {name},\n");
        GuidelineFiles files = new GuidelineFiles(dirs(dir));
        Sections first = files.promptSections("nb/reply.txt");
        assertEquals(List.of("Hei {name},"), first.get("greeting"));
        assertTrue(first == files.promptSections("nb/reply.txt"), "unchanged: the parsed file is kept");

        Files.writeString(file, "[greeting]\nHei, {name}!\nKjære {name},\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(List.of("Hei, {name}!", "Kjære {name},"), files.promptSections("nb/reply.txt").get("greeting"));

        Files.delete(file);
        assertTrue(files.promptSections("nb/reply.txt").has("compose:complaint"), "the packaged copy stands in");
    }
}
