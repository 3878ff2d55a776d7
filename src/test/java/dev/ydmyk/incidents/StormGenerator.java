package dev.ydmyk.incidents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a storm as customers write one: many posts about one grievance over a time span, in several
 * languages, in varied words, with typos, capitals and emoji, some answering each other, some from a
 * customer posting twice, interleaved with the usual traffic (other complaints, praise, questions,
 * spam). Deterministic for a seed. Tests and benchmarks replay it against the service.
 */
public final class StormGenerator {

    public enum Grievance { INTERNET_OUTAGE, PAYMENT_FAILURE }

    public enum Role { STORM, UNRELATED_COMPLAINT, PRAISE, QUESTION, SPAM }

    public record Post(String externalId, String authorName, String authorHandle, String text, String language,
                       String parentExternalId, Duration offset, Role role) {

        public boolean storm() {
            return role == Role.STORM;
        }

        /** The body for {@code POST /api/complaints}. */
        public Map<String, Object> apiBody(String source) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("source", source);
            body.put("externalId", externalId);
            body.put("author", Map.of("name", authorName, "handle", authorHandle));
            body.put("text", text);
            body.put("language", language);
            if (parentExternalId != null) {
                body.put("parentExternalId", parentExternalId);
            }
            return body;
        }
    }

    public static Builder storm(Grievance grievance) {
        return new Builder(grievance);
    }

    public static final class Builder {
        private final Grievance grievance;
        private int posts = 200;
        private Duration span = Duration.ofMinutes(10);
        private List<String> languages = List.of("nb", "da", "sv", "en");
        private int unrelated;
        private String underPost;
        private double replies = 0.1;
        private long seed = 1;

        private Builder(Grievance grievance) {
            this.grievance = grievance;
        }

        public Builder posts(int n) {
            posts = n;
            return this;
        }

        public Builder over(Duration d) {
            span = d;
            return this;
        }

        public Builder languages(String... langs) {
            languages = List.of(langs);
            return this;
        }

        public Builder unrelated(int n) {
            unrelated = n;
            return this;
        }

        /** Every storm post is a comment under this one post, as on Telenor's page. */
        public Builder underPost(String postId) {
            underPost = postId;
            return this;
        }

        public Builder repliesToEachOther(double share) {
            replies = share;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public List<Post> build() {
            Random r = new Random(seed);
            List<Post> out = new ArrayList<>();
            List<Post> storm = new ArrayList<>();
            List<String[]> authors = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                String lang = languages.get(i % languages.size());
                String[] who = r.nextDouble() < 0.03 && !authors.isEmpty() ? authors.get(r.nextInt(authors.size())) : author(lang, r, i);
                authors.add(who);
                String id = underPost != null ? underPost + "_" + (100_000 + i) : "storm-" + seed + "-" + i;
                String parent = underPost;
                if (!storm.isEmpty() && r.nextDouble() < replies) {
                    parent = storm.get(r.nextInt(storm.size())).externalId();
                }
                Post p = new Post(id, who[0], who[1], roughen(stormText(grievance, lang, r), r), lang, parent,
                        offset(r, span, true), Role.STORM);
                storm.add(p);
                out.add(p);
            }
            for (int i = 0; i < unrelated; i++) {
                String lang = languages.get(r.nextInt(languages.size()));
                double roll = r.nextDouble();
                Role role = roll < 0.6 ? Role.UNRELATED_COMPLAINT : roll < 0.75 ? Role.PRAISE : roll < 0.9 ? Role.QUESTION : Role.SPAM;
                String[] who = author(lang, r, posts + i);
                out.add(new Post("other-" + seed + "-" + i, who[0], who[1], other(role, lang, r), lang, null,
                        offset(r, span, false), role));
            }
            out.sort(Comparator.comparing(Post::offset));
            return out;
        }
    }

    /** Words a post about the grievance uses; unrelated traffic never does. */
    public static final Map<Grievance, List<String>> KEY_WORDS = Map.of(
            Grievance.INTERNET_OUTAGE, List.of("nett", "internet", "fiber", "bredbånd", "bredband", "router", "ruter", "wifi", "wi-fi"),
            Grievance.PAYMENT_FAILURE, List.of("betal", "kort", "payment", "card", "bankid", "vipps", "mobilepay", "swish"));

    private static final Map<String, String[]> FIRST = Map.of(
            "nb", new String[]{"Kari", "Ola", "Ingrid", "Jonas", "Silje", "Henrik", "Marit", "Anders", "Nora", "Per", "Hilde", "Emil"},
            "da", new String[]{"Mette", "Lars", "Sofie", "Mads", "Camilla", "Rasmus", "Anne", "Jesper", "Ida", "Søren", "Line", "Frederik"},
            "sv", new String[]{"Anna", "Erik", "Maja", "Johan", "Elin", "Oskar", "Karin", "Lars", "Sara", "Nils", "Ebba", "Gustav"},
            "en", new String[]{"Tom", "Emma", "James", "Olivia", "Harry", "Sophie", "Jack", "Chloe", "George", "Lucy", "Ben", "Amy"});
    private static final Map<String, String[]> LAST = Map.of(
            "nb", new String[]{"Nordmann", "Hansen", "Berg", "Johansen", "Dahl", "Lunde", "Haugen", "Moe", "Strand", "Vik"},
            "da", new String[]{"Jensen", "Nielsen", "Pedersen", "Andersen", "Larsen", "Sørensen", "Rasmussen", "Holm", "Kristensen"},
            "sv", new String[]{"Lindqvist", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Berg", "Holm"},
            "en", new String[]{"Walker", "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts", "Hughes"});

    private static String[] author(String lang, Random r, int n) {
        String first = pick(FIRST.get(lang), r);
        String last = pick(LAST.get(lang), r);
        return new String[]{first + " " + last, (first + "." + last).toLowerCase(Locale.ROOT) + n};
    }

    /** A storm's arrivals come fast at first and tail off; other traffic is even. */
    private static Duration offset(Random r, Duration span, boolean storm) {
        double u = r.nextDouble();
        double at = storm ? 1 - Math.sqrt(1 - u) : u;
        return Duration.ofMillis((long) (at * span.toMillis()));
    }

    private static final Map<String, String[][]> OUTAGE = Map.of(
            "nb", new String[][]{
                    {"Hei!", "Hallo?", "Seriøst.", "Igjen?!", "Hva skjer?", "", "", "Ærlig talt."},
                    {"Internett er nede %s", "Nettet har vært borte %s", "Fiberen virker ikke %s", "Ingen internett hos oss %s",
                            "Ruteren blinker rødt og nettet er dødt %s", "Bredbåndet er nede i hele %p %s", "Wifi og fiber borte %s",
                            "Nettet går ikke i %p %s"},
                    {"og jeg har hjemmekontor.", "– hvor lenge skal dette vare?", "Ungene får ikke gjort lekser.", "Når kommer det tilbake?",
                            "Ingen melding fra dere heller.", "Dette er tredje gang denne måneden.", "Vi betaler for dette!", ""}},
            "da", new String[][]{
                    {"Hej!", "Hallo?", "Seriøst.", "Igen?!", "Hvad sker der?", "", "", "Helt ærligt."},
                    {"Internettet er nede %s", "Nettet har været væk %s", "Fiberen virker ikke %s", "Intet internet hos os %s",
                            "Routeren blinker rødt og nettet er dødt %s", "Bredbåndet er nede i hele %p %s", "Wifi og fiber væk %s",
                            "Nettet virker ikke i %p %s"},
                    {"og jeg arbejder hjemme.", "– hvor længe skal det vare?", "Børnene kan ikke lave lektier.", "Hvornår kommer det igen?",
                            "Ingen besked fra jer heller.", "Det er tredje gang denne måned.", "Vi betaler for det her!", ""}},
            "sv", new String[][]{
                    {"Hej!", "Hallå?", "Allvarligt.", "Igen?!", "Vad händer?", "", "", "Ärligt talat."},
                    {"Internet ligger nere %s", "Nätet har varit borta %s", "Fibern fungerar inte %s", "Inget internet hos oss %s",
                            "Routern blinkar rött och nätet är dött %s", "Bredbandet är nere i hela %p %s", "Wifi och fiber borta %s",
                            "Nätet fungerar inte i %p %s"},
                    {"och jag jobbar hemifrån.", "– hur länge ska det här hålla på?", "Barnen kan inte göra läxorna.", "När kommer det tillbaka?",
                            "Inget besked från er heller.", "Det är tredje gången den här månaden.", "Vi betalar för det här!", ""}},
            "en", new String[][]{
                    {"Hi!", "Hello?", "Seriously.", "Again?!", "What is going on?", "", "", "Honestly."},
                    {"The internet is down %s", "Our broadband has been dead %s", "Fibre not working %s", "No internet at all %s",
                            "Router blinking red and the internet is gone %s", "Broadband down across %p %s", "Wifi and fibre gone %s",
                            "No connection in %p %s"},
                    {"and I work from home.", "- how long is this going to take?", "The kids can't do their homework.", "When will it be back?",
                            "Not a word from you either.", "Third time this month.", "We pay for this!", ""}});

    private static final Map<String, String[][]> PAYMENT = Map.of(
            "nb", new String[][]{
                    {"Hei!", "Hallo?", "Seriøst.", "Igjen?!", "", ""},
                    {"Betalingen med kort går ikke gjennom %s", "Kortbetaling feiler i appen %s", "Får ikke betalt med BankID %s",
                            "Vipps-betalingen henger %s", "Kortet blir avvist i kassa i %p %s", "Betaling umulig i nettbutikken %s"},
                    {"og regningen forfaller i dag.", "Hva er det som skjer?", "Jeg står i kassa med full handlekurv.", "Fiks det!", ""}},
            "da", new String[][]{
                    {"Hej!", "Hallo?", "Seriøst.", "Igen?!", "", ""},
                    {"Betalingen med kort går ikke igennem %s", "Kortbetaling fejler i appen %s", "Kan ikke betale med MitID %s",
                            "MobilePay-betalingen hænger %s", "Kortet bliver afvist ved kassen i %p %s", "Betaling umulig i webshoppen %s"},
                    {"og regningen forfalder i dag.", "Hvad sker der?", "Jeg står ved kassen med fuld kurv.", "Fiks det!", ""}},
            "sv", new String[][]{
                    {"Hej!", "Hallå?", "Allvarligt.", "Igen?!", "", ""},
                    {"Kortbetalningen går inte igenom %s", "Kortbetalning misslyckas i appen %s", "Kan inte betala med BankID %s",
                            "Swish-betalningen hänger sig %s", "Kortet nekas i kassan i %p %s", "Betalning omöjlig i webbutiken %s"},
                    {"och räkningen förfaller i dag.", "Vad händer?", "Jag står i kassan med full kundvagn.", "Fixa det!", ""}},
            "en", new String[][]{
                    {"Hi!", "Hello?", "Seriously.", "Again?!", "", ""},
                    {"Card payment won't go through %s", "Card payments failing in the app %s", "Can't pay with my card %s",
                            "The payment just hangs %s", "My card keeps getting declined at the till in %p %s", "Payment impossible in the web shop %s"},
                    {"and the bill is due today.", "What is going on?", "Standing at the till with a full trolley.", "Fix it!", ""}});

    private static final Map<String, String[]> SINCE = Map.of(
            "nb", new String[]{"siden i morges", "siden kl 07", "siden halv åtte", "i hele dag", "siden i går kveld", "nå"},
            "da", new String[]{"siden i morges", "siden kl 7", "siden halv otte", "hele dagen", "siden i går aftes", "nu"},
            "sv", new String[]{"sedan i morse", "sedan kl 7", "sedan halv åtta", "hela dagen", "sedan i går kväll", "nu"},
            "en", new String[]{"since this morning", "since 7am", "since half seven", "all day", "since last night", "right now"});
    private static final Map<String, String[]> PLACES = Map.of(
            "nb", new String[]{"Bergen", "Oslo", "Trondheim", "Stavanger", "Tromsø", "Drammen"},
            "da", new String[]{"Aarhus", "København", "Odense", "Aalborg", "Esbjerg", "Vejle"},
            "sv", new String[]{"Göteborg", "Stockholm", "Malmö", "Uppsala", "Umeå", "Lund"},
            "en", new String[]{"Leeds", "Manchester", "Bristol", "York", "Glasgow", "Cardiff"});

    static String stormText(Grievance g, String lang, Random r) {
        String[][] parts = (g == Grievance.INTERNET_OUTAGE ? OUTAGE : PAYMENT).get(lang);
        if (r.nextDouble() < 0.05) {
            // One-word rage: the core's first words, shouted.
            String core = pick(parts[1], r).replace("%s", "").replace("%p", pick(PLACES.get(lang), r)).strip();
            return core.toUpperCase(Locale.ROOT) + "!!!";
        }
        String core = pick(parts[1], r).replace("%p", pick(PLACES.get(lang), r)).replace("%s", pick(SINCE.get(lang), r));
        return (pick(parts[0], r) + " " + core + (r.nextBoolean() ? ". " : " ") + pick(parts[2], r)).strip();
    }

    /** Everyday complaints about other things: many different ones, as real traffic is, so they do not form a storm of their own. */
    private static final Map<String, String[]> UNRELATED = Map.of(
            "nb", new String[]{"Fakturaen min er feil for tredje måned på rad.", "Pakken kom knust.", "Dama i butikken var frekk da jeg ville bytte jakka.",
                    "Jeg ble trukket to ganger for samme abonnement.", "Teknikeren kom aldri, og vi tok fri for ingenting.",
                    "Varen sluttet å virke etter to dager.", "Kaka til barnedåpen var tørr og feil pyntet.", "Bussen kjørte forbi holdeplassen uten å stoppe.",
                    "Hotellrommet luktet røyk og ingen ville bytte.", "Jeg har ventet seks uker på refusjonen.", "Maten på restauranten var kald.",
                    "Sjåføren kastet pakken over gjerdet.", "Kontoen min ble sperret uten forklaring.", "Prisen i hylla stemte ikke i kassa.",
                    "Legetimen ble avlyst på kort varsel for tredje gang.", "Leiligheten fikk vannlekkasje og ingen kommer.",
                    "Forsikringen vil ikke dekke den ødelagte sykkelen.", "Flyet var forsinket i fem timer uten informasjon.",
                    "Jakka fikk hull etter én vask.", "Strømregningen er dobbelt så høy som i fjor."},
            "da", new String[]{"Min faktura er forkert for tredje måned i træk.", "Pakken kom i stykker.", "Ekspedienten var uhøflig, da jeg ville bytte jakken.",
                    "Jeg er blevet opkrævet to gange for det samme abonnement.", "Teknikeren kom aldrig, og vi tog fri for ingenting.",
                    "Varen holdt op med at virke efter to dage.", "Kagen til barnedåben var tør og forkert pyntet.", "Bussen kørte forbi stoppestedet.",
                    "Hotelværelset lugtede af røg, og ingen ville bytte.", "Jeg har ventet seks uger på min refusion.", "Maden på restauranten var kold.",
                    "Chaufføren smed pakken over hegnet.", "Min konto blev spærret uden forklaring.", "Prisen på hylden passede ikke ved kassen.",
                    "Lægetiden blev aflyst med kort varsel for tredje gang.", "Lejligheden fik vandskade, og ingen kommer.",
                    "Forsikringen vil ikke dække den ødelagte cykel.", "Flyet var fem timer forsinket uden information.",
                    "Jakken fik hul efter én vask.", "Elregningen er dobbelt så høj som sidste år."},
            "sv", new String[]{"Min faktura är fel för tredje månaden i rad.", "Paketet kom trasigt.", "Personalen i butiken var otrevlig när jag ville byta jackan.",
                    "Jag har debiterats två gånger för samma abonnemang.", "Teknikern kom aldrig, och vi tog ledigt i onödan.",
                    "Varan slutade fungera efter två dagar.", "Tårtan till dopet var torr och fel dekorerad.", "Bussen körde förbi hållplatsen.",
                    "Hotellrummet luktade rök och ingen ville byta.", "Jag har väntat sex veckor på återbetalningen.", "Maten på restaurangen var kall.",
                    "Chauffören slängde paketet över staketet.", "Mitt konto spärrades utan förklaring.", "Priset på hyllan stämde inte i kassan.",
                    "Läkartiden ställdes in med kort varsel för tredje gången.", "Lägenheten fick en vattenläcka och ingen kommer.",
                    "Försäkringen vill inte täcka den trasiga cykeln.", "Flyget var fem timmar försenat utan information.",
                    "Jackan fick hål efter en tvätt.", "Elräkningen är dubbelt så hög som i fjol."},
            "en", new String[]{"My invoice has been wrong three months in a row.", "The parcel arrived smashed.", "The shop assistant was rude when I tried to swap my jacket.",
                    "I was charged twice for the same subscription.", "The engineer never turned up and we took the day off for nothing.",
                    "The product stopped working after two days.", "The christening cake was dry and wrongly decorated.", "The bus drove past the stop.",
                    "The hotel room smelled of smoke and nobody would move us.", "I have waited six weeks for my refund.", "The food at the restaurant was cold.",
                    "The driver threw the parcel over the fence.", "My account was frozen without explanation.", "The shelf price did not match at the till.",
                    "My doctor's appointment was cancelled at short notice for the third time.", "The flat has a water leak and nobody comes.",
                    "The insurance will not cover the broken bike.", "The flight was five hours late with no information.",
                    "The jacket got a hole after one wash.", "The electricity bill is twice last year's."});
    private static final Map<String, String[]> UNRELATED_END = Map.of(
            "nb", new String[]{"Ingen svarer på e-post.", "Hva har dere tenkt å gjøre med det?", "Veldig skuffet.", "Ordnet dere dette før?", ""},
            "da", new String[]{"Ingen svarer på mails.", "Hvad har I tænkt jer at gøre ved det?", "Meget skuffet.", "Er det normalt hos jer?", ""},
            "sv", new String[]{"Ingen svarar på mejl.", "Vad tänker ni göra åt det?", "Mycket besviken.", "Är det normalt hos er?", ""},
            "en", new String[]{"Nobody answers emails.", "What are you going to do about it?", "Very disappointed.", "Is this normal for you?", ""});

    private static final Map<String, String[]> PRAISE = Map.of(
            "nb", new String[]{"Tusen takk til Maria i butikken i Bergen, for en service!", "Rask levering og hyggelig sjåfør. Takk!"},
            "da", new String[]{"Tusind tak til Sofie i butikken, sikke en service!", "Hurtig levering og en flink chauffør. Tak!"},
            "sv", new String[]{"Stort tack till Elin i butiken, vilken service!", "Snabb leverans och trevlig chaufför. Tack!"},
            "en", new String[]{"Huge thanks to Maria in the Leeds shop, brilliant service!", "Quick delivery and a lovely driver. Thank you!"});
    private static final Map<String, String[]> QUESTION = Map.of(
            "nb", new String[]{"Når åpner dere i romjula?", "Hvordan bytter jeg adresse på abonnementet?"},
            "da", new String[]{"Hvornår har I åbent mellem jul og nytår?", "Hvordan ændrer jeg adresse på mit abonnement?"},
            "sv", new String[]{"När har ni öppet i mellandagarna?", "Hur byter jag adress på abonnemanget?"},
            "en", new String[]{"When are you open over Christmas?", "How do I change the address on my subscription?"});
    private static final Map<String, String[]> SPAM = Map.of(
            "nb", new String[]{"Tjen 5000 kr i dag!!! Send DM for info 💰", "GRATIS iPhone, link i bio!!!"},
            "da", new String[]{"Tjen 5000 kr i dag!!! Skriv DM for info 💰", "GRATIS iPhone, link i bio!!!"},
            "sv", new String[]{"Tjäna 5000 kr idag!!! Skicka DM för info 💰", "GRATIS iPhone, länk i bio!!!"},
            "en", new String[]{"Earn $500 a day from home!!! DM me 💰", "FREE crypto giveaway, link in bio!!!"});

    private static String other(Role role, String lang, Random r) {
        return switch (role) {
            case PRAISE -> pick(PRAISE.get(lang), r);
            case QUESTION -> pick(QUESTION.get(lang), r);
            case SPAM -> pick(SPAM.get(lang), r);
            default -> (pick(UNRELATED.get(lang), r) + " " + pick(UNRELATED_END.get(lang), r)).strip();
        };
    }

    /** Typos, capitals and emoji, as people type when they are angry. */
    static String roughen(String text, Random r) {
        String t = text;
        double roll = r.nextDouble();
        if (roll < 0.15 && t.length() > 12) {
            int at = 3 + r.nextInt(t.length() - 6);
            t = switch (r.nextInt(3)) {
                case 0 -> t.substring(0, at) + t.charAt(at + 1) + t.charAt(at) + t.substring(at + 2);
                case 1 -> t.substring(0, at) + t.substring(at + 1);
                default -> t.substring(0, at) + t.charAt(at) + t.substring(at);
            };
        } else if (roll < 0.22) {
            t = t.toUpperCase(Locale.ROOT);
        } else if (roll < 0.30) {
            t = t.toLowerCase(Locale.ROOT).replaceAll("[.!?]", "");
        }
        if (r.nextDouble() < 0.15) {
            t = t + " " + pick(new String[]{"😡", "🤬", "👎", "😤😤"}, r);
        }
        return t;
    }

    private static String pick(String[] options, Random r) {
        return options[r.nextInt(options.length)];
    }
}
