package dev.ydmyk.channels;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The channel page on a storm night: 2,000 drafts waiting. Checks that all of them are there, that
 * keys, search and live arrivals still work, and records how long each took in the browser
 * (target/benchmarks/cockpit-load.txt, copied to BENCHMARKS.md), beside the same drafts fetched as
 * bare JSON from the same page: the reference for what the page adds.
 */
@QuarkusTest
class CockpitLoadTest {

    static final int DRAFTS = 2_000;

    @TestHTTPResource("/channel")
    URL channel;
    @Inject
    AgroalDataSource ds;

    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** One real complaint drafted by the service, then copied (new ids, numbered texts) to fill the queue. */
    private void fillQueue() throws Exception {
        String complaint = Api.post(Api.complaint("facebook", "Hanne Dahl",
                "Tredje kveld på rad uten internett, og kundeservice svarer ikke. Jeg jobber hjemmefra og taper penger."));
        String draft = Api.latestDraftId(Api.awaitDrafts(complaint, 1));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into complaint (id, source, external_id, author_name, author_handle, text, url, posted_at, language_hint,
                        received_at, language, kind, severity, topics, flags, triaged_at, needs_draft, triage_reasons)
                    select gen_random_uuid(), source, external_id || '-' || g, author_name || ' ' || g, author_handle || g,
                           text || ' (kunde ' || g || ')', url, posted_at, language_hint, received_at + g * interval '10 millisecond',
                           language, kind, severity, topics, flags, triaged_at, false, triage_reasons
                    from complaint, generate_series(1, ?) g where id = ?::uuid""")) {
                ps.setInt(1, DRAFTS - 1);
                ps.setString(2, complaint);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into draft (id, complaint_id, status, language, text, drafter, hint, tone_moves, tone_findings, created_at, purpose)
                    select gen_random_uuid(), k.id, 'pending', d.language, replace(d.text, 'Hanne', split_part(k.author_name, ' ', 1) || ' ' ||
                           split_part(k.author_name, ' ', 3)), d.drafter, d.hint, d.tone_moves, d.tone_findings, d.created_at, d.purpose
                    from complaint k, draft d
                    where d.id = ?::uuid and k.external_id like (select external_id from complaint where id = ?::uuid) || '-%'""")) {
                ps.setString(1, draft);
                ps.setString(2, complaint);
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    @Test
    void twoThousandDraftsLoadAndThePageStaysResponsive() throws Exception {
        Api.wipe(ds);
        fillQueue();
        assertEquals(DRAFTS, Api.count(ds, "draft where status = 'pending'"));

        browser = Browser.open(1280, 900);
        browser.get(channel.toString());
        browser.findElement(By.id("login")).sendKeys("kari");
        browser.findElement(By.id("password")).sendKeys("kari-test");
        browser.findElement(By.id("sign-in")).click();
        JavascriptExecutor js = browser;
        // Milliseconds from the start of the page's navigation until every card is on the page.
        long loaded = ((Number) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const look = () => document.querySelectorAll('article.message').length >= %d ? done(performance.now()) : requestAnimationFrame(look);
                look();""".formatted(DRAFTS))).longValue();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("depth"), DRAFTS + " waiting"));
        long firstPage = ((Number) js.executeScript(
                "return Math.round(performance.getEntriesByName('ydmyk:first-page')[0].startTime)")).longValue();

        // The reference: the same 2,000 drafts fetched as bare JSON from the same page, nothing drawn.
        long fetchOnly = ((Number) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const t0 = performance.now();
                Promise.all([0, 500, 1000, 1500].map(o => fetch('/api/drafts?status=pending&limit=500&offset=' + o).then(r => r.json())))
                  .then(parts => done(parts.flat().length === %d ? performance.now() - t0 : -1));""".formatted(DRAFTS))).longValue();
        assertTrue(fetchOnly > 0, "the API gave all drafts");

        // Responsive: j moves the selection, a search filters 2,000 cards, each measured inside the page.
        double keyMs = ((Number) js.executeScript("""
                document.querySelector('article.message').focus();
                const t0 = performance.now();
                document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'j', bubbles: true}));
                return performance.now() - t0;""")).doubleValue();
        assertEquals(2L, ((Number) js.executeScript(
                "return [...document.querySelectorAll('article.message')].indexOf(document.activeElement) + 1")).longValue(),
                "j moved to the second card");
        double searchMs = ((Number) js.executeScript("""
                const s = document.getElementById('search');
                const t0 = performance.now();
                s.value = 'kunde 1999)';
                s.dispatchEvent(new Event('input', {bubbles: true}));
                return performance.now() - t0;""")).doubleValue();
        assertEquals(1L, ((Number) js.executeScript("return document.querySelectorAll('article.message:not([hidden])').length")).longValue(),
                "the search finds the one customer");
        js.executeScript("const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input', {bubbles: true}));");

        long posted = System.nanoTime();
        Api.post(Api.complaint("facebook", "Live Kunde", "Nå er nettet nede igjen. Dette er den fjerde kvelden. Utrolig dårlig."));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("depth"), (DRAFTS + 1) + " waiting"));
        long liveMs = (System.nanoTime() - posted) / 1_000_000;
        CockpitPageTest.screenshot(browser, "cockpit-2000.png");

        String figures = """
                cockpit load, %s, %d pending drafts, headless Chromium 1280x900
                page navigation to the first 100 cards on screen (several screenfuls): %d ms; to every card drawn: %d ms
                reference, the same drafts as bare JSON from the page (4 x 500): %d ms
                j (next card) handled in %.1f ms; search over all cards in %.1f ms
                a new post to its card on the page (drafting included): %d ms
                """.formatted(LocalDate.now(), DRAFTS, firstPage, loaded, fetchOnly, keyMs, searchMs, liveMs);
        Files.createDirectories(Path.of("target", "benchmarks"));
        Files.writeString(Path.of("target", "benchmarks", "cockpit-load.txt"), figures);
        System.out.println(figures);
    }
}
