package dev.ydmyk.channels.slack;

import dev.ydmyk.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Slack, at Slack's own pace (one message a second): time from a signed click to its
 * acknowledgement, and from intake to the draft's message in the channel. Fake Web API on loopback.
 * Run with ./mvnw verify -Pbench; results in target/benchmarks/slack.md.
 */
@QuarkusTest
@Tag("benchmark")
@TestProfile(SlackBenchmarkTest.RealPace.class)
class SlackBenchmarkTest {

    public static class RealPace implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeSlack.class, Map.of("ydmyk.slack.post-interval", "PT1S")));
        }
    }

    @Inject
    AgroalDataSource ds;

    @Test
    void clickToAcknowledgementAndIntakeToChannel() throws Exception {
        String batch = "slackbench-" + System.nanoTime();
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var body = Api.complaint("facebook", "Kunde " + i, "Pakken min kom aldri, og ingen svarer. Sak " + i);
            body.put("externalId", batch + "-" + i);
            drafts.add(Api.latestDraftId(Api.awaitDrafts(Api.post(body), 1)));
            Thread.sleep(1500);
        }
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> posted(batch) >= 20);
        List<Long> toChannel = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select extract(epoch from (s.posted_at - co.received_at)) * 1000 from slack_message s
                join draft d on d.id = s.draft_id join complaint co on co.id = d.complaint_id where co.external_id like ?""")) {
            ps.setString(1, batch + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    toChannel.add(Math.round(rs.getDouble(1)));
                }
            }
        }
        for (int i = 0; i < 50; i++) {
            SlackChannelTest.interact(SlackChannelTest.click("U0KARI", "edit", drafts.get(i % drafts.size())), 0, true);
        }
        List<Long> ack = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long t0 = System.nanoTime();
            int status = SlackChannelTest.interact(SlackChannelTest.click("U0KARI", "edit", drafts.get(i % drafts.size())), 0, true).status();
            ack.add((System.nanoTime() - t0) / 1_000);
            if (status != 200) {
                throw new AssertionError("click answered " + status);
            }
        }
        Collections.sort(toChannel);
        Collections.sort(ack);
        String report = "| measure | samples | p50 | p99 |\n|---|---|---|---|\n"
                + String.format("| Slack click → acknowledgement (signed block_actions, loopback) | %d | %.1f ms | %.1f ms |%n",
                ack.size(), ack.get(ack.size() / 2) / 1000.0, ack.get((int) Math.ceil(ack.size() * 0.99) - 1) / 1000.0)
                + String.format("| intake → draft's message in the channel (one complaint every 1.5 s) | %d | %d ms | %d ms |%n",
                toChannel.size(), toChannel.get(toChannel.size() / 2), toChannel.get((int) Math.ceil(toChannel.size() * 0.99) - 1));
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/slack.md"), report);
        System.out.println(report);
    }

    private int posted(String batch) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select count(*) from slack_message s join draft d on d.id = s.draft_id join complaint co on co.id = d.complaint_id
                where co.external_id like ? and s.ts is not null""")) {
            ps.setString(1, batch + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
