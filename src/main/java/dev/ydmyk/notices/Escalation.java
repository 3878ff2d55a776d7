package dev.ydmyk.notices;

import dev.ydmyk.agents.Agent;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint that needs a person now: severe and out of hours, or past its first-response
 * deadline. {@code onCall} is who is pinged out of hours (null in hours: the whole channel).
 */
public record Escalation(UUID complaintId, UUID draftId, Reason reason, Agent onCall, String onCallSlackUser,
                         String author, String excerpt, Instant receivedAt, Instant deadline, String link) {

    public enum Reason {
        SEVERE_AFTER_HOURS("severe-after-hours"), ENGAGEMENT_GROWING("engagement-growing"), SLA_BREACH("sla-breach"),
        /** Health, safety, grief, threats or the law: the on-call agent is pinged at any hour, open or not. */
        CRITICAL("critical"),
        /** A storm formed: the on-call agent is pinged once, at any hour; its members are never escalated one by one. */
        INCIDENT_FORMED("incident-formed");

        public final String wire;

        Reason(String wire) {
            this.wire = wire;
        }
    }
}
