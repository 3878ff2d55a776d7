package dev.ydmyk.incidents;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detector's rules that need no triage: a jump in one topic against its usual rate, a bare outburst in a storm,
 * everyday complaints that share a word with a storm, two incidents of one storm, and one storm in two languages.
 */
class StormWatchTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private final Random random = new Random(7);

    private StormWatch watch() {
        return new StormWatch(new StormWatch.Settings(5, Duration.ofMinutes(30), StormWatch.Settings.JOIN, StormWatch.Settings.LINK));
    }

    /** A billing complaint in words no other post shares, so only its topic can tie it to others. */
    private StormWatch.Post billing(Instant at) {
        StringBuilder text = new StringBuilder("Fakturaen");
        for (int i = 0; i < 6; i++) {
            text.append(' ').append(word());
        }
        return post(text.toString(), List.of("payments"), at);
    }

    private StormWatch.Post post(String text, List<String> topics, Instant at) {
        UUID id = UUID.randomUUID();
        return new StormWatch.Post(id, "nb", Signature.of(text), topics, null, id.toString(), null, at);
    }

    private String word() {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    @Test
    void aTopicAtItsUsualRateIsNoStormButThreeTimesItIs() {
        StormWatch watch = watch();
        // Yesterday's billing complaints (as read back at a restart): eight every half hour, the usual rate.
        Instant at = START;
        for (int i = 0; i < 48 * 8; i++) {
            watch.arrived(List.of("payments"), at);
            at = at.plus(Duration.ofSeconds(225));
        }
        // Today the same rate, each in words of its own: no storm.
        for (int i = 0; i < 16; i++) {
            assertInstanceOf(StormWatch.Alone.class, watch.offer(billing(at)), "at the usual rate, post " + i);
            at = at.plus(Duration.ofSeconds(225));
        }
        // Then thirty in ten minutes: well above it.
        StormWatch.Verdict verdict = null;
        int posts = 0;
        while (!(verdict instanceof StormWatch.Forms)) {
            verdict = watch.offer(billing(at));
            at = at.plusSeconds(20);
            posts++;
            assertTrue(posts <= 30, "a jump to three times the usual rate forms an incident");
        }
        assertTrue(posts > 8, "not before the rate is well above the usual: " + posts);
        assertTrue(((StormWatch.Forms) verdict).members().size() >= 24, "with the topic's posts of the window");
    }

    @Test
    void withoutHistoryMinSizeComplaintsOnOneTopicWithinTheWindowFormAnIncident() {
        StormWatch watch = watch();
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(StormWatch.Alone.class, watch.offer(billing(START.plusSeconds(60L * i))));
        }
        StormWatch.Verdict fifth = watch.offer(billing(START.plusSeconds(300)));
        assertEquals(5, assertInstanceOf(StormWatch.Forms.class, fifth).members().size());
    }

    @Test
    void aBareOutburstJoinsTheIncidentInFullSwingAndIsAloneOtherwise() {
        StormWatch watch = watch();
        assertInstanceOf(StormWatch.Alone.class, watch.offer(post("Igjen???", List.of(), START)), "no storm, nothing to join");
        UUID incident = UUID.randomUUID();
        List<StormWatch.Post> members = List.of(
                post("Nettet er nede i hele Bergen", List.of("outage"), START.plusSeconds(10)),
                post("Fiberen nede siden i morges", List.of("outage"), START.plusSeconds(20)),
                post("Ikke noe internett her heller", List.of("outage"), START.plusSeconds(30)),
                post("Bredbåndet er borte igjen", List.of("outage"), START.plusSeconds(40)),
                post("Ruteren blinker rødt, nettet nede", List.of("outage"), START.plusSeconds(50)));
        watch.placed(incident, members);
        StormWatch.Verdict v = watch.offer(post("NEI. IGJEN.", List.of(), START.plusSeconds(60)));
        assertEquals(incident, assertInstanceOf(StormWatch.Joins.class, v).incidentId());
        // An hour later the storm has cooled: an outburst is its own.
        assertInstanceOf(StormWatch.Alone.class, watch.offer(post("Igjen???", List.of(), START.plus(Duration.ofHours(1)))));
    }

    private List<StormWatch.Post> cardStorm(Instant from) {
        return List.of(
                post("Kortet ble avvist i kassa på Rema, det er penger på konto", List.of("payments"), from),
                post("Kortet avvist igjen i kassa, Vipps virker ikke heller", List.of("payments"), from.plusSeconds(5)),
                post("Betalingen feiler, kortet blir avvist hver gang", List.of("payments"), from.plusSeconds(10)),
                post("Får ikke betalt, kortet avvist på Kiwi", List.of("payments"), from.plusSeconds(15)),
                post("Vipps og kortet er nede, får ikke betalt noe", List.of("payments"), from.plusSeconds(20)),
                post("Kortterminalen sier avvist, kortet er nede", List.of("payments"), from.plusSeconds(25)));
    }

    /**
     * A post clearly about reaching us that names the storm's topic on the side is no evidence against the storm; the same
     * words about the queue alone are a grievance of their own (the queue is no evidence for any storm).
     */
    @Test
    void aPostAboutTheQueueThatNamesTheStormsTopicOnTheSideJoinsAndTheSameWordsWithoutItDoNot() {
        String text = "Ringt kundeservice i en time om kortet, ingen svar, avvist";
        StormWatch.Verdict side = cardIncidentThenOffer(new StormWatch.Post(UUID.randomUUID(), "nb", Signature.of(text),
                List.of("customer-service"), null, "side", null, START.plusSeconds(60), List.of("customer-service", "payments")));
        assertInstanceOf(StormWatch.Joins.class, side, "the card storm's, told of the queue");
        StormWatch.Verdict queue = cardIncidentThenOffer(new StormWatch.Post(UUID.randomUUID(), "nb", Signature.of(text),
                List.of("customer-service"), null, "queue", null, START.plusSeconds(60), List.of("customer-service")));
        assertInstanceOf(StormWatch.Alone.class, queue, "a complaint about the queue that names no card");
    }

    private StormWatch.Verdict cardIncidentThenOffer(StormWatch.Post p) {
        StormWatch watch = watch();
        watch.placed(UUID.randomUUID(), cardStorm(START));
        return watch.offer(p);
    }

    @Test
    void aStormPostJoinsEvenWhenLookAlikesFromBeforeTheIncidentAreStillOutsideIt() {
        StormWatch watch = watch();
        Instant at = START;
        for (int i = 0; i < 2; i++) {
            assertInstanceOf(StormWatch.Alone.class, watch.offer(post("Prisen på hylla var en annen enn i kassa, " + word(), List.of("payments"),
                    at = at.plusSeconds(30))));
            assertInstanceOf(StormWatch.Alone.class, watch.offer(post("Kortet ble avvist i kassa igjen", List.of("payments"),
                    at = at.plusSeconds(30))));
        }
        UUID incident = UUID.randomUUID();
        watch.placed(incident, cardStorm(at.plusSeconds(5)));
        StormWatch.Verdict price = watch.offer(post("Prisen på hylla var en annen enn i kassa, " + word(), List.of("payments"), at.plusSeconds(60)));
        assertTrue(!(price instanceof StormWatch.Joins), "an everyday complaint that shares a word with the storm stays out: " + price);
        // Its look-alikes outside the incident read like the storm: they are no everyday traffic that explains it better.
        StormWatch.Verdict card = watch.offer(post("Kortet ble avvist i kassa igjen", List.of("payments"), at.plusSeconds(65)));
        assertEquals(incident, assertInstanceOf(StormWatch.Joins.class, card).incidentId());
    }

    @Test
    void whenTwoIncidentsOfOneStormConvergeTheSmallerOnesLaterPostsGoToTheLarger() {
        StormWatch watch = watch();
        UUID larger = UUID.randomUUID();
        watch.placed(larger, cardStorm(START));
        UUID smaller = UUID.randomUUID();
        watch.placed(smaller, List.of(
                post("Vipps nede, får ikke betalt på Kiwi", List.of("payments"), START.plusSeconds(30)),
                post("Vipps virker ikke, betalingen feiler", List.of("payments"), START.plusSeconds(35)),
                post("Vipps er nede og kortet avvist", List.of("payments"), START.plusSeconds(40)),
                post("Får ikke betalt med Vipps i dag", List.of("payments"), START.plusSeconds(45)),
                post("Vipps nede igjen, betalingen feiler", List.of("payments"), START.plusSeconds(50))));
        StormWatch.Verdict v = watch.offer(post("Kortet avvist og Vipps nede, får ikke betalt", List.of("payments"), START.plusSeconds(60)));
        assertEquals(larger, assertInstanceOf(StormWatch.Joins.class, v).incidentId());
        StormWatch.Verdict later = watch.offer(post("Vipps nede, betalingen feiler igjen", List.of("payments"), START.plusSeconds(70)));
        assertEquals(larger, assertInstanceOf(StormWatch.Joins.class, later).incidentId(), "one storm, one incident from now on");
    }

    /** Billing complaints that share the card storm's topic and a word or two ("betalingen", "konto"), each that many seconds apart. */
    private List<StormWatch.Post> bills(Instant from, long apart) {
        return List.of(
                post("Fikk regning på 499 kr for noe jeg sa opp, og pengene er trukket fra konto", List.of("payments"), from),
                post("Regning på 299 kr for et abonnement jeg sa opp i fjor, betalingen trukket", List.of("payments"), from.plusSeconds(apart)),
                post("Dere har trukket penger fra konto for et abonnement jeg aldri har bestilt", List.of("payments"), from.plusSeconds(2 * apart)),
                post("Fikk regning for noe jeg sa opp for tre måneder siden, betalingen trukket", List.of("payments"), from.plusSeconds(3 * apart)),
                post("Abonnementet er sagt opp, men regningen og betalingen kommer fortsatt", List.of("payments"), from.plusSeconds(4 * apart)));
    }

    @Test
    void aGroupOnTheStormsTopicJoinsItWhenItArrivesAtTheStormsPaceButNotWhenItTricklesIn() {
        StormWatch watch = watch();
        UUID storm = UUID.randomUUID();
        // The storm goes on for ten minutes, a post every five seconds.
        for (int minute = 0; minute < 10; minute++) {
            watch.placed(storm, cardStorm(START.plus(Duration.ofMinutes(minute))));
            watch.placed(storm, cardStorm(START.plus(Duration.ofMinutes(minute)).plusSeconds(30)));
        }
        // Everyday billing complaints, one every two minutes: the usual traffic on the topic, not the storm.
        assertTrue(watch.sameTopic(bills(START.plusSeconds(30), 120)).isEmpty(), "a group that trickles in joins on its words only");
        // The same words arriving with the storm, seconds apart: part of it.
        assertEquals(storm, watch.sameTopic(bills(START.plusSeconds(30), 3)).orElse(null), "a group at the storm's pace joins on its topic");
    }

    @Test
    void whileAStormIsHotAGroupWithASideTopicJoinsItWhenItsWordsMeetTheStormsAndNotOtherwise() {
        StormWatch watch = watch();
        UUID outage = UUID.randomUUID();
        watch.placed(outage, List.of(
                post("Nettet er nede i hele Bergen", List.of("outage"), START.plusSeconds(10)),
                post("Fiberen nede siden i morges", List.of("outage"), START.plusSeconds(20)),
                post("Ikke noe internett her, nettet er nede", List.of("outage"), START.plusSeconds(30)),
                post("Bredbåndet er borte, fiberen nede igjen", List.of("outage"), START.plusSeconds(40)),
                post("Ruteren blinker rødt, nettet nede", List.of("outage"), START.plusSeconds(50))));
        // The same outage told as a complaint about the phone queue: its own main topic, the storm's words.
        List<StormWatch.Post> queue = List.of(
                post("Kundeservice svarer ikke, og nettet er nede i Bergen", List.of("customer-service", "outage"), START.plusSeconds(60)),
                post("Satt i kø i 40 minutter mens nettet var nede", List.of("customer-service"), START.plusSeconds(70)),
                post("Ingen tar telefonen, fiberen er nede", List.of("customer-service"), START.plusSeconds(80)),
                post("Kø på telefonen i en time, internett er borte", List.of("customer-service"), START.plusSeconds(90)),
                post("Får ikke svar på telefon, bredbåndet nede", List.of("customer-service"), START.plusSeconds(100)));
        assertEquals(outage, watch.sameTopic(queue).orElse(null), "one storm, told with a side topic");
        // Complaints about the queue that mention the outage once but share none of its words otherwise: their own grievance.
        List<StormWatch.Post> invoices = List.of(
                post("Kundeservice svarer ikke på fakturaen, og nettet var nede i fjor", List.of("customer-service", "outage"),
                        START.plusSeconds(110)),
                post("Satt i kø i 40 minutter om en feil på fakturaen", List.of("customer-service"), START.plusSeconds(120)),
                post("Ingen tar telefonen når jeg spør om purregebyret", List.of("customer-service"), START.plusSeconds(130)),
                post("Kø på telefonen i en time for å endre adressen", List.of("customer-service"), START.plusSeconds(140)),
                post("Får ikke svar om flyttingen av abonnementet", List.of("customer-service"), START.plusSeconds(150)));
        assertTrue(watch.sameTopic(invoices).isEmpty(), "a side topic alone is not the storm");
    }

    private StormWatch.Post postIn(String language, String text, List<String> topics, Instant at) {
        UUID id = UUID.randomUUID();
        return new StormWatch.Post(id, language, Signature.of(text), topics, null, id.toString(), null, at);
    }

    @Test
    void aGroupInALanguageTheStormDoesNotSpeakYetJoinsOnItsTopicWithoutSharedWords() {
        StormWatch watch = watch();
        UUID storm = UUID.randomUUID();
        watch.placed(storm, cardStorm(START));
        // The same card storm in Swedish, seconds later: no word in common with the Norwegian posts, one topic.
        List<StormWatch.Post> swedish = List.of(
                postIn("sv", "Swish fungerar inte alls idag", List.of("payments"), START.plusSeconds(30)),
                postIn("sv", "Nekad i kassan på ICA, pinsamt", List.of("payments"), START.plusSeconds(33)),
                postIn("sv", "Swish säger något gick fel varenda gång", List.of("payments"), START.plusSeconds(36)),
                postIn("sv", "Nekad igen på Willys med full kundvagn", List.of("payments"), START.plusSeconds(39)),
                postIn("sv", "Lönen kom idag och Swish fungerar inte", List.of("payments"), START.plusSeconds(42)));
        assertEquals(storm, watch.sameTopic(swedish).orElse(null), "another language of the same storm");
        // Norwegian posts on the topic that share no word with the storm still need some of its words.
        List<StormWatch.Post> norwegian = List.of(
                post("Fikk regning på 499 kr for noe jeg sa opp", List.of("payments"), START.plusSeconds(45)),
                post("Regning på 299 kr for et abonnement jeg sa opp i fjor", List.of("payments"), START.plusSeconds(48)),
                post("Dere har fakturert et abonnement jeg aldri har bestilt", List.of("payments"), START.plusSeconds(51)),
                post("Fikk regning for noe jeg sa opp for tre måneder siden", List.of("payments"), START.plusSeconds(54)),
                post("Abonnementet er sagt opp, men regningen kommer fortsatt", List.of("payments"), START.plusSeconds(57)));
        assertTrue(watch.sameTopic(norwegian).isEmpty(), "in the storm's own language, a group shares some of its words");
    }

    @Test
    void twoIncidentsOfOneStormOnOneTopicAtOnePaceBecomeOneEvenInOtherWords() {
        StormWatch watch = watch();
        UUID norwegian = UUID.randomUUID();
        watch.placed(norwegian, cardStorm(START));
        watch.placed(norwegian, cardStorm(START.plusSeconds(30)));
        // The same storm in Swedish formed apart: no words in common, the same topic, posts seconds apart.
        UUID swedish = UUID.randomUUID();
        watch.placed(swedish, List.of(
                postIn("sv", "Swish fungerar inte alls idag", List.of("payments"), START.plusSeconds(40)),
                postIn("sv", "Nekad i kassan på ICA, pinsamt", List.of("payments"), START.plusSeconds(43)),
                postIn("sv", "Swish säger något gick fel varenda gång", List.of("payments"), START.plusSeconds(46)),
                postIn("sv", "Nekad igen på Willys med full kundvagn", List.of("payments"), START.plusSeconds(49)),
                postIn("sv", "Lönen kom idag och Swish fungerar inte", List.of("payments"), START.plusSeconds(52))));
        assertEquals(norwegian, assertInstanceOf(StormWatch.Joins.class,
                watch.offer(post("Kortet ble avvist i kassa på Kiwi, penger på konto", List.of("payments"), START.plusSeconds(60)))).incidentId());
        StormWatch.Verdict later = watch.offer(postIn("sv", "Swish fungerar inte, nekad i kassan igen", List.of("payments"), START.plusSeconds(62)));
        assertEquals(norwegian, assertInstanceOf(StormWatch.Joins.class, later).incidentId(), "one storm, one incident from now on");
    }

    @Test
    void everydayComplaintsOnTheStormsTopicThatGatheredIntoAnIncidentStayApart() {
        StormWatch watch = watch();
        UUID storm = UUID.randomUUID();
        watch.placed(storm, cardStorm(START));
        watch.placed(storm, cardStorm(START.plusSeconds(30)));
        // Billing complaints that formed an incident of their own, two minutes apart: the usual traffic on the topic.
        UUID bills = UUID.randomUUID();
        watch.placed(bills, bills(START.minusSeconds(480), 120));
        watch.offer(post("Kortet ble avvist i kassa på Kiwi, penger på konto", List.of("payments"), START.plusSeconds(60)));
        StormWatch.Verdict bill = watch.offer(post("Fikk regning på 399 kr for noe jeg sa opp, abonnementet", List.of("payments"),
                START.plusSeconds(62)));
        assertEquals(bills, assertInstanceOf(StormWatch.Joins.class, bill).incidentId(), "the everyday incident keeps its own");
    }

    /** An outage in full swing: a post every three seconds for ten minutes. */
    private UUID outageInFullSwing(StormWatch watch) {
        UUID outage = UUID.randomUUID();
        List<String> texts = List.of("Nettet er nede i hele Bergen", "Fiberen nede siden i morges", "Ikke noe internett her, nettet er nede",
                "Bredbåndet er borte, fiberen nede igjen", "Ruteren blinker rødt, nettet nede");
        for (int i = 0; i < 200; i++) {
            watch.placed(outage, List.of(post(texts.get(i % texts.size()), List.of("outage"), START.plusSeconds(3L * i))));
        }
        return outage;
    }

    /** Complaints about reaching us, in words the outage's posts do not use, each that many seconds apart. */
    private List<StormWatch.Post> queue(Instant from, long apart, List<String> texts) {
        return IntStream.range(0, texts.size())
                .mapToObj(i -> post(texts.get(i), List.of(StormWatch.CONTACT), from.plusSeconds(apart * i))).toList();
    }

    @Test
    void whileAStormIsInFullSwingComplaintsAboutTheQueueAtItsPaceAreTheStormsAndEverydayOnesAreNot() {
        StormWatch watch = watch();
        UUID outage = outageInFullSwing(watch);
        // The storm's customers, on hold: they name the queue, not the outage, and share none of its words.
        List<String> onHold = List.of("Satt i kø hos kundeservice i 40 minutter", "Satt i kø i en time hos kundeservice for å høre at dere jobber med saken",
                "Ingen tar telefonen, 55 minutter i kø", "Kø på telefonen i 30 minutter, så la de på", "Satt på vent i 45 minutter hos kundeservice");
        // One in ten of the storm's posts is about the queue: they arrive ten times slower than the storm's, seconds apart still.
        assertEquals(outage, watch.sameTopic(queue(START.plusSeconds(40), 30, onHold)).orElse(null), "the queue overflows with the storm");
        // The same complaints trickling in, two minutes apart (forty times slower than the storm): the usual traffic about the queue.
        assertTrue(watch.sameTopic(queue(START.plusSeconds(40), 120, onHold)).isEmpty(), "everyday complaints about the queue are their own");
        // A jump in complaints about reaching us, each its own (e-mails, a call-back, the chat): everyday traffic gathered by the topic.
        List<String> everyday = List.of("Har sendt tre e-poster uten å få svar", "Dere lovet å ringe tilbake innen 24 timer",
                "Chatten lukker seg midt i samtalen", "Ingen svarer på brevet jeg sendte i august", "Skjemaet på nettsiden gir feilmelding");
        assertTrue(watch.sameTopic(queue(START.plusSeconds(40), 3, everyday)).isEmpty(), "complaints about the queue that read alike, not any");
        // About reaching us, at the storm's pace, but about something else as well (a parcel): not the storm's.
        List<StormWatch.Post> parcels = IntStream.range(0, 5).mapToObj(i -> post("Pakken er borte og kundeservice svarer ikke " + i,
                List.of(StormWatch.CONTACT, "delivery"), START.plusSeconds(40 + 3L * i))).toList();
        assertTrue(watch.sameTopic(parcels).isEmpty(), "a topic of its own is another grievance");
    }
}
