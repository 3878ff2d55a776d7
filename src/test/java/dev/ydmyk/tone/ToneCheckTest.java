package dev.ydmyk.tone;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ToneCheckTest {

    @Inject
    ToneCheck toneCheck;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "nb | Hei Kari, jeg forstår at dette er frustrerende og beklager. Vi undersøker saken og kommer tilbake til deg i morgen. Takk for at du sa fra.",
            "da | Hej Lise, jeg forstår godt din frustration, og det beklager vi. Vi undersøger sagen og vender tilbage til dig i morgen. Tak, fordi du sagde til.",
            "sv | Hej Karin, jag förstår att det har varit frustrerande och vi ber om ursäkt. Vi undersöker ärendet och återkommer till dig i morgon. Tack för att du sa till.",
            "en | Hi Sam, I understand how frustrating this is and I am sorry. We are looking into it and will get back to you tomorrow. Thank you for telling us.",
    })
    void aHumbleReplyMakesTheFourMovesAndRaisesNothing(String lang, String reply) {
        ToneReport r = toneCheck.check(reply, lang, null);
        assertTrue(r.moves().containsAll(List.of("acknowledge", "apologise", "fix", "report-back", "thanks")), lang + " " + r.moves());
        assertEquals(List.of(), r.findings());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "nb | blame        | Dette er din egen feil, du burde lest vilkårene.",
            "nb | shame        | Det er litt latterlig å klage på to kaker.",
            "nb | defensive    | I henhold til vilkårene er vi ikke ansvarlige.",
            "nb | sarcasm      | Takk for ingenting, og lykke til med det.",
            "da | blame        | Det er din egen skyld, du burde have læst betingelserne.",
            "da | shame        | Du overreagerer, slap af.",
            "da | defensive    | Ifølge vilkårene er det ikke vores ansvar.",
            "sv | blame        | Det är ditt eget fel, du borde ha läst villkoren.",
            "sv | shame        | Lugna dig, det är löjligt att gnälla över detta.",
            "sv | defensive    | Enligt villkoren ansvarar vi inte för detta.",
            "sv | sarcasm      | Tack för ingenting och grattis.",
            "en | blame        | This is your own fault; you should have read the manual.",
            "en | shame        | Some customers overreact to everything. Calm down.",
            "en | defensive    | According to our terms we are not liable.",
            "en | sarcasm      | Congratulations, and good luck with that.",
            "en | compensation | We will give you a full refund and a voucher.",
            "nb | blame        | Du må lese vilkårene før du klager.",
            "nb | shame        | Vi har aldri hatt problemer med andre kunder.",
            "nb | shame        | Du er jo helt urimelig.",
            "en | shame        | You are being unreasonable.",
            "da | blame        | Det er din egen feil, og det kan vi ikke gøre noget ved.",
            "sv | blame        | Det er din egen feil.",
            "nb | compensation | Du får pengene tilbake og et gavekort.",
            "en | money        | We will pay you $500 for the trouble.",
            "da | money        | Vi sender dig 500 kr som plaster på såret.",
            "sv | money        | Du får 300 kronor av oss.",
            "en | all-caps     | WE ARE VERY SORRY ABOUT THIS MISTAKE.",
            "en | link         | Read more at https://evil.example.org/phish now.",
            "nb | link         | Se www.lurelenke.no for mer.",
            "en | email        | Write to boss@example.com for help.",
            "nb | phone        | Ring oss på +47 22 33 44 55.",
    })
    void aBadReplyIsFlagged(String lang, String rule, String reply) {
        ToneReport r = toneCheck.check(reply, lang, null);
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals(rule)), rule + " not found in " + r.findings());
    }

    @Test
    void quotingTheCustomersWordsBackIsFlagged() {
        String post = "Jeg har nu været kunde i 6 år, og det er simpelthen ikke godt nok fra jer.";
        ToneReport r = toneCheck.check("Du skriver at \"det er simpelthen ikke godt nok\" – det forstår vi.", "da", post);
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("quote")), r.findings().toString());
        ToneReport clean = toneCheck.check("Det forstår vi godt, og det beklager vi.", "da", post);
        assertTrue(clean.findings().isEmpty(), clean.findings().toString());
    }

    @Test
    void acronymsAndOrdinaryNumbersAreNotFlagged() {
        ToneReport r = toneCheck.check("Hei Knut, vi forstår at TLC og Discovery er savnet fra kl. 16 og beklager.", "nb", null);
        assertEquals(List.of(), r.findings());
    }
}
