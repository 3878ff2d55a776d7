package dev.ydmyk.channels;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** axe-core (vendored under src/test/resources/axe) run on the page as it is: the serious and critical violations. */
final class Accessibility {

    private static final String AXE = load();

    private Accessibility() {
    }

    /** "rule: help (n nodes: selector, …)" for each serious or critical violation; empty when there is none. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver b) {
        JavascriptExecutor js = (JavascriptExecutor) b;
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ["violations"]}).then(r => done(r.violations
                  .filter(v => v.impact === "serious" || v.impact === "critical")
                  .map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " " + (n.failureSummary || "").replace(/\\s+/g, " ")),
                              count: v.nodes.length})))).catch(e => done([{id: "axe-error", help: String(e), nodes: [], count: 0}]));""");
        return ((List<Map<String, Object>>) result).stream()
                .map(v -> v.get("id") + ": " + v.get("help") + " (" + v.get("count") + " nodes: " + v.get("nodes") + ")").toList();
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
