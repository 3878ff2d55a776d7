package dev.ydmyk.triage;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Short posts, written for this test and not taken from the corpus: where Bokmål and Danish are closest. */
@QuarkusTest
class LanguageIdentifierTest {

    @Inject
    LanguageIdentifier languages;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "nb | Hvorfor får jeg ikke svar fra dere?",
            "nb | Jeg har ventet i to uker uten å høre noe.",
            "nb | Regningen er feil igjen, kan noen hjelpe meg?",
            "nb | Fikk aldri pakken, og ingen tar telefonen.",
            "da | Hvorfor får jeg ikke svar fra jer?",
            "da | Jeg har ventet i to uger uden at høre noget.",
            "da | Regningen er forkert igen, kan nogen hjælpe mig?",
            "da | Fik aldrig pakken, og ingen tager telefonen.",
            "sv | Varför får jag inget svar från er?",
            "sv | Jag har väntat i två veckor utan att höra något.",
            "sv | Går det att få pengarna tillbaka?",
            "en | Why does nobody answer my emails?",
            "en | The app keeps crashing when I pay.",
            // One Nynorsk spelling ("eg", "fekk") and words both standards share ("takk", "hjelp", "veldig"): Nynorsk, where the
            // statistics read it so; with a Bokmål-only word ("dere"), Bokmål.
            "nn | Takk for god hjelp i dag, eg er veldig nøgd.",
            "nn | Fekk pakken i dag, takk for rask levering.",
            "nb | Tusen takk for hjelpen, dere er best.",
            "nn | Eg har ringt tre gonger og ingen tek telefonen.",
            // "Att" is Nynorsk for "igjen" as well as Swedish for "that": two Nynorsk spellings outweigh it.
            "nn | Nettet gjekk att i natt. Kvifor skjer dette heile tida?",
            "sv | Nätet gick ner igen i natt, och jag vet inte att någon bryr sig.",
            // "Hej" greets in Danish as it does in Swedish: a Danish post that opens with it is not Swedish.
            "da | Hej. Mobilnettet er nede i Roskilde.",
            "da | Hej, min pakke er stadig ikke kommet.",
            "sv | Hej. Mobilnätet ligger nere i Lund.",
            // Nor is "mitt" Swedish only, nor "ni" (nine).
            "nb | Mitt kort ble avvist på Rema i dag.",
            "nb | Har ventet i ni dager på pakken, og ingen svarer meg.",
    })
    void tellsTheScandinavianLanguagesApart(String expected, String post) {
        assertEquals(expected, languages.identify(post).orElse("unsure"));
    }

    /** Found by a review: "butikken.no" made a Nynorsk "no", and "venta" or "minutt" are Bokmål too. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Sjekk vilkårene på www.butikken.no, de er helt uklare.", "Skriv til kundeservice@firma.no, sa de. Ingen svarte.",
            "Venta et minutt, så la de på."})
    void anAddressOrAWordBothStandardsSpellIsNoSignOfNynorsk(String post) {
        assertNotEquals("nn", languages.identify(post).orElse("unsure"), post);
    }

    /**
     * A source that names its language (a Danish page) settles what the spelling leaves open between Bokmål, Nynorsk and
     * Danish, and nothing the post's words tell.
     */
    @ParameterizedTest(name = "{2} (source says {1})")
    @CsvSource(delimiter = '|', value = {
            "da | da | MitID har ikke virket hele formiddagen",
            "da | da | Mobilnettet er nede i Roskilde.",
            "nn | nn | Nettet er nede i Førde.",
            "nn | da | Eg har ikkje fått svar på tre veker.",
            "nb | da | Hva er det dere driver med?",
            "nb | nn | Jeg har ikke fått svar fra dere.",
            "sv | da | Mitt kort har inte fungerat sedan i morse.",
            "en | da | My card has not worked all morning.",
    })
    void aSourcesLanguageSettlesOnlyWhatTheSpellingLeavesOpen(String expected, String hint, String post) {
        assertEquals(expected, languages.identify(post, hint).orElse("unsure"));
    }
}
