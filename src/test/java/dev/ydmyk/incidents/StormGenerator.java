package dev.ydmyk.incidents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a "storm": many customers complaining about one outage at once, interleaved with unrelated traffic.
 * Everything comes from one seed, so a test or benchmark can name the storm it replays.
 */
public final class StormGenerator {

    public static final List<String> LANGUAGES = List.of("nb", "da", "sv", "en");

    public enum Grievance { INTERNET_OUTAGE, PAYMENT_FAILURE, TRAIN_CANCELLED }

    public enum Role { STORM, UNRELATED_COMPLAINT, PRAISE, QUESTION, SPAM }

    public record Post(String externalId, String authorName, String authorHandle, String text, String language,
                       String parentExternalId, Duration offset, Role role, Grievance grievance) {

        public boolean storm() {
            return role == Role.STORM;
        }

        /**
         * The body for POST /api/complaints: {"source","externalId","author":{"name","handle"},"text","language"(hint),
         * "parentExternalId" when set}.
         */
        public Map<String, Object> apiBody(String source) {
            Map<String, Object> author = new LinkedHashMap<>();
            author.put("name", authorName);
            author.put("handle", authorHandle);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("source", source);
            body.put("externalId", externalId);
            body.put("author", Collections.unmodifiableMap(author));
            body.put("text", text);
            body.put("language", language);
            if (parentExternalId != null) {
                body.put("parentExternalId", parentExternalId);
            }
            return Collections.unmodifiableMap(body);
        }
    }

    /**
     * Words that give a post away as being about the grievance, per language (lower case, matched at the start of a word,
     * so "nett" also finds "nettet"). Unrelated traffic never contains any of them, in any language.
     */
    public static final Map<Grievance, Map<String, List<String>>> KEY_WORDS = keyWords();

    private static final Map<Grievance, Pattern> KEY_PATTERNS = keyPatterns();

    private StormGenerator() {
    }

    public static Builder storm(Grievance g) {
        return new Builder(g);
    }

    /** Whether the text contains a key word of the grievance in any language. */
    public static boolean mentions(Grievance g, String text) {
        return KEY_PATTERNS.get(g).matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    public static final class Builder {
        private final Grievance grievance;
        private int posts = 300;
        private Duration span = Duration.ofMinutes(10);
        private List<String> languages = LANGUAGES;
        private int unrelated;
        private String underPost;
        private double replyShare = 0.1;
        private double typoShare = 0.15;
        private boolean bursty = true;
        private long seed = 1;

        private Builder(Grievance g) {
            if (g == null) {
                throw new IllegalArgumentException("grievance is required");
            }
            this.grievance = g;
        }

        /** Storm posts. */
        public Builder posts(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("posts must not be negative");
            }
            this.posts = n;
            return this;
        }

        /** Arrival offsets spread over this span; bursty (more at the start) unless {@link #steady()}. */
        public Builder over(Duration span) {
            if (span == null || span.isNegative() || span.isZero()) {
                throw new IllegalArgumentException("span must be positive");
            }
            this.span = span;
            return this;
        }

        /** Storm posts arrive at an even rate, like "15 posts a second for 10 minutes". */
        public Builder steady() {
            this.bursty = false;
            return this;
        }

        /** Default nb, da, sv, en. */
        public Builder languages(String... langs) {
            if (langs.length == 0) {
                throw new IllegalArgumentException("at least one language");
            }
            for (String l : langs) {
                if (!LANGUAGES.contains(l)) {
                    throw new IllegalArgumentException("unsupported language " + l + ", use one of " + LANGUAGES);
                }
            }
            this.languages = List.copyOf(new LinkedHashSet<>(List.of(langs)));
            return this;
        }

        /** Other traffic over the same span: 60% unrelated complaints, 15% praise, 15% questions, 10% spam. */
        public Builder unrelated(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("unrelated must not be negative");
            }
            this.unrelated = n;
            return this;
        }

        /** All storm posts are comments under this one post (parentExternalId = postId), like a company's page. */
        public Builder underPost(String postId) {
            if (postId == null || postId.isBlank()) {
                throw new IllegalArgumentException("postId must not be blank");
            }
            this.underPost = postId;
            return this;
        }

        /** This share of storm posts answer another, earlier storm post; default 0.1. */
        public Builder repliesToEachOther(double share) {
            this.replyShare = share(share, "repliesToEachOther");
            return this;
        }

        /** Share of posts with a typo; default 0.15. Typos draw from their own random source, so 0 leaves all else unchanged. */
        public Builder typos(double share) {
            this.typoShare = share(share, "typos");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        private static double share(double share, String what) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException(what + " must be between 0 and 1");
            }
            return share;
        }

        /** Sorted by offset. */
        public List<Post> build() {
            return new Generation(this).run();
        }
    }

    /** A post before it has its id and its place in the timeline. */
    private static final class Draft {
        final long offsetMillis;
        final Role role;
        String language;
        String authorName;
        String handle;
        String text;
        Draft parent;
        String externalId;

        Draft(long offsetMillis, Role role) {
            this.offsetMillis = offsetMillis;
            this.role = role;
        }
    }

    private static final class Generation {
        private final Builder b;
        private final Random rng;
        // Typos draw from their own source so typos(0) changes nothing but the typos.
        private final Random typoRng;
        private final Set<String> handles = new HashSet<>();

        Generation(Builder b) {
            this.b = b;
            this.rng = new Random(b.seed);
            this.typoRng = new Random(b.seed * 0x9E3779B97F4A7C15L + 17);
        }

        List<Post> run() {
            long spanMillis = b.span.toMillis();
            List<Draft> storm = new ArrayList<>();
            for (int i = 0; i < b.posts; i++) {
                storm.add(new Draft(b.bursty ? bursty(spanMillis) : uniform(spanMillis), Role.STORM));
            }
            List<Draft> other = new ArrayList<>();
            for (Role r : otherRoles()) {
                other.add(new Draft(uniform(spanMillis), r));
            }
            storm.sort(Comparator.comparingLong(d -> d.offsetMillis));
            stormLanguages(storm);
            stormAuthors(storm);
            stormParents(storm);
            for (Draft d : storm) {
                d.text = stormText(d);
            }
            // Storm texts first, so unrelated retries cannot shift them.
            for (Draft d : other) {
                d.language = b.languages.get(rng.nextInt(b.languages.size()));
                newAuthor(d);
                d.text = otherText(d);
            }
            List<Draft> all = new ArrayList<>(storm);
            all.addAll(other);
            all.sort(Comparator.comparingLong(d -> d.offsetMillis));
            for (int i = 0; i < all.size(); i++) {
                Draft d = all.get(i);
                d.externalId = d.role == Role.STORM && b.underPost != null ? b.underPost + "_" + (i + 1) : "storm-" + b.seed + "-" + (i + 1);
            }
            List<Post> out = new ArrayList<>(all.size());
            for (Draft d : all) {
                String parent = d.parent != null ? d.parent.externalId : d.role == Role.STORM ? b.underPost : null;
                out.add(new Post(d.externalId, d.authorName, d.handle, d.text, d.language, parent, Duration.ofMillis(d.offsetMillis),
                        d.role, d.role == Role.STORM ? b.grievance : null));
            }
            return List.copyOf(out);
        }

        // A truncated exponential: a storm peaks within the first minutes and then tails off.
        private long bursty(long spanMillis) {
            double lambda = 3.0;
            double u = rng.nextDouble();
            double x = -Math.log(1 - u * (1 - Math.exp(-lambda))) / lambda;
            return Math.min(spanMillis, (long) (x * spanMillis));
        }

        private long uniform(long spanMillis) {
            return (long) (rng.nextDouble() * spanMillis);
        }

        private List<Role> otherRoles() {
            int n = b.unrelated;
            int praise = (int) Math.round(n * 0.15);
            int questions = (int) Math.round(n * 0.15);
            int spam = (int) Math.round(n * 0.10);
            List<Role> roles = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                roles.add(i < praise ? Role.PRAISE : i < praise + questions ? Role.QUESTION
                        : i < praise + questions + spam ? Role.SPAM : Role.UNRELATED_COMPLAINT);
            }
            Collections.shuffle(roles, rng);
            return roles;
        }

        // Exactly equal shares (±1), in random order.
        private void stormLanguages(List<Draft> storm) {
            List<String> langs = new ArrayList<>(storm.size());
            for (int i = 0; i < storm.size(); i++) {
                langs.add(b.languages.get(i % b.languages.size()));
            }
            Collections.shuffle(langs, rng);
            for (int i = 0; i < storm.size(); i++) {
                storm.get(i).language = langs.get(i);
            }
        }

        // About 3% of storm posts are a customer's second post: same author, same language, later in time.
        private void stormAuthors(List<Draft> storm) {
            List<Integer> eligible = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < storm.size(); i++) {
                if (!seen.add(storm.get(i).language)) {
                    eligible.add(i);
                }
            }
            Collections.shuffle(eligible, rng);
            Set<Integer> repeats = new HashSet<>(eligible.subList(0, Math.min(eligible.size(), (int) Math.round(storm.size() * 0.03))));
            Map<String, List<Draft>> earlier = new LinkedHashMap<>();
            for (int i = 0; i < storm.size(); i++) {
                Draft d = storm.get(i);
                List<Draft> same = earlier.computeIfAbsent(d.language, l -> new ArrayList<>());
                if (repeats.contains(i)) {
                    Draft first = same.get(rng.nextInt(same.size()));
                    d.authorName = first.authorName;
                    d.handle = first.handle;
                } else {
                    newAuthor(d);
                }
                same.add(d);
            }
        }

        // Replies answer an earlier post, in the same language when there is one.
        private void stormParents(List<Draft> storm) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 1; i < storm.size(); i++) {
                candidates.add(i);
            }
            Collections.shuffle(candidates, rng);
            int replies = Math.min(candidates.size(), (int) Math.round(storm.size() * b.replyShare));
            Set<Integer> chosen = new HashSet<>(candidates.subList(0, replies));
            Map<String, List<Draft>> earlier = new LinkedHashMap<>();
            for (int i = 0; i < storm.size(); i++) {
                Draft d = storm.get(i);
                List<Draft> same = earlier.computeIfAbsent(d.language, l -> new ArrayList<>());
                if (chosen.contains(i)) {
                    d.parent = same.isEmpty() ? storm.get(rng.nextInt(i)) : same.get(rng.nextInt(same.size()));
                }
                same.add(d);
            }
        }

        private void newAuthor(Draft d) {
            Tongue t = TONGUES.get(d.language);
            String first = pick(t.firstNames());
            String last = pick(t.lastNames());
            d.authorName = first + " " + last;
            String f = fold(first);
            String l = fold(last);
            String handle = switch (rng.nextInt(6)) {
                case 0 -> f + "." + l;
                case 1 -> f + l;
                case 2 -> f + "_" + l;
                case 3 -> f + l.charAt(0);
                case 4 -> f + "." + l + (70 + rng.nextInt(35)) % 100;
                default -> f.charAt(0) + l;
            };
            while (!handles.add(handle)) {
                handle = handle + rng.nextInt(10);
            }
            d.handle = handle;
        }

        private String stormText(Draft d) {
            Tongue t = TONGUES.get(d.language);
            Voice v = VOICES.get(b.grievance).get(d.language);
            List<String> parts = new ArrayList<>();
            boolean answering = d.parent != null && rng.nextDouble() < 0.6;
            if (answering) {
                parts.add(fill(pick(t.replyOpenings()), d.language));
            }
            int shape = rng.nextInt(100);
            if (shape < 5) {
                parts.add(pick(v.oneLiners()));
            } else if (shape < 13) {
                parts.add(fill(pick(v.sarcasm()), d.language));
                if (rng.nextBoolean()) {
                    parts.add(fill(pick(v.consequences()), d.language));
                }
            } else {
                // "Same here!" already opens a reply.
                if (shape < 50 && !answering) {
                    parts.add(pick(t.openings()));
                }
                parts.add(fill(pick(v.events()), d.language));
                if (shape < 30 || shape >= 60) {
                    parts.add(fill(pick(v.consequences()), d.language));
                }
            }
            return noise(String.join(" ", parts));
        }

        private String otherText(Draft d) {
            Tongue t = TONGUES.get(d.language);
            for (int attempt = 0; attempt < 200; attempt++) {
                String text = switch (d.role) {
                    case PRAISE -> fill(pick(t.praise()), d.language);
                    case QUESTION -> fill(pick(t.questions()), d.language);
                    case SPAM -> fill(pick(t.spam()), d.language);
                    default -> complaint(t, d.language);
                };
                if (!mentions(b.grievance, text)) {
                    return text;
                }
            }
            throw new IllegalStateException("no " + d.role + " in " + d.language + " free of " + b.grievance + " key words");
        }

        // Unrelated complaints look like storm posts (openings, endings, typos, caps), just about something else.
        private String complaint(Tongue t, String lang) {
            List<String> parts = new ArrayList<>();
            if (rng.nextInt(100) < 35) {
                parts.add(pick(t.openings()));
            }
            parts.add(fill(pick(t.complaints()), lang));
            if (rng.nextInt(100) < 45) {
                parts.add(pick(t.complaintEndings()));
            }
            return noise(String.join(" ", parts));
        }

        private String noise(String text) {
            String s = text;
            int style = rng.nextInt(100);
            if (style < 6) {
                s = s.toUpperCase(Locale.ROOT);
            } else if (style < 14 && s.endsWith(".")) {
                s = s.substring(0, s.length() - 1) + (rng.nextBoolean() ? "!!" : "!!!");
            }
            if (rng.nextInt(100) < 12) {
                String emoji = pick(List.of("😡", "🤬", "👎", "😡😡😡", "🤬🤬", "😤", "🙄"));
                s = rng.nextInt(4) == 0 ? emoji + " " + s : s + " " + emoji;
            }
            if (typoRng.nextDouble() < b.typoShare) {
                s = typo(s, typoRng);
            }
            return s;
        }

        private String fill(String template, String lang) {
            String s = template;
            Matcher m = SLOT.matcher(s);
            while (m.find()) {
                s = s.substring(0, m.start()) + slot(m.group(1), lang) + s.substring(m.end());
                m = SLOT.matcher(s);
            }
            return capitalise(s);
        }

        private String slot(String name, String lang) {
            Tongue t = TONGUES.get(lang);
            Voice v = VOICES.get(b.grievance).get(lang);
            return switch (name) {
                case "product" -> pick(v.products());
                case "shop" -> pick(v.shops());
                case "place" -> pick(t.places());
                case "item" -> pick(t.items());
                case "staff" -> pick(t.firstNames());
                case "time" -> time(lang);
                case "clock" -> clock(lang);
                case "amount" -> amount(lang);
                case "n" -> String.valueOf(2 + rng.nextInt(5));
                case "days" -> String.valueOf(3 + rng.nextInt(19));
                case "years" -> String.valueOf(2 + rng.nextInt(14));
                case "minutes" -> String.valueOf(20 + rng.nextInt(76));
                case "crowd" -> String.valueOf(15 + rng.nextInt(66));
                case "bignum" -> String.valueOf((3 + rng.nextInt(7)) * 1000);
                default -> throw new IllegalStateException("unknown slot {" + name + "}");
            };
        }

        private String time(String lang) {
            int h = 5 + rng.nextInt(7);
            String hh = String.format(Locale.ROOT, "%02d", h);
            String mm = pick(List.of("10", "15", "20", "30", "40", "45"));
            int hours = 2 + rng.nextInt(9);
            List<String> forms = switch (lang) {
                case "nb" -> List.of("siden kl. " + hh, "siden kl. " + hh + "." + mm, "siden i morges", "siden i går kveld", "siden lunsj",
                        "i over " + hours + " timer", "hele formiddagen", "i hele dag");
                case "da" -> List.of("siden kl. " + h, "siden kl. " + h + "." + mm, "siden i morges", "siden i går aftes", "siden frokost",
                        "i over " + hours + " timer", "hele formiddagen", "hele dagen");
                case "sv" -> List.of("sedan kl. " + hh, "sedan " + hh + "." + mm, "sedan i morse", "sedan igår kväll", "sedan lunch",
                        "i över " + hours + " timmar", "hela förmiddagen", "hela dagen");
                default -> List.of("since " + h + "am", "since " + h + ":" + mm, "since this morning", "since last night", "since lunchtime",
                        "for over " + hours + " hours", "all morning", "all day");
            };
            return pick(forms);
        }

        private String clock(String lang) {
            int h = 5 + rng.nextInt(18);
            int m = rng.nextInt(60);
            return switch (lang) {
                case "da" -> String.format(Locale.ROOT, "%d.%02d", h, m);
                case "en" -> String.format(Locale.ROOT, "%02d:%02d", h, m);
                default -> String.format(Locale.ROOT, "%02d.%02d", h, m);
            };
        }

        private String amount(String lang) {
            if (lang.equals("en")) {
                return "£" + (19 + rng.nextInt(60));
            }
            int kr = (2 + rng.nextInt(18)) * 100 - 1;
            return lang.equals("da") ? kr + " kr." : kr + " kr";
        }

        private <T> T pick(List<T> list) {
            return list.get(rng.nextInt(list.size()));
        }
    }

    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

    /** One or two typos of the kinds people make on a phone; always changes the text. */
    static String typo(String text, Random r) {
        String s = text;
        int wanted = r.nextInt(4) == 0 ? 2 : 1;
        for (int done = 0, tries = 0; done < wanted && tries < 20; tries++) {
            String t = typoOnce(s, r);
            if (!t.equals(s)) {
                s = t;
                done++;
            }
        }
        return s.equals(text) ? text + text.substring(text.offsetByCodePoints(text.length(), -1)) : s;
    }

    private static String typoOnce(String s, Random r) {
        int op = r.nextInt(5);
        if (op == 3) {
            // Missing capital at the start.
            return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        if (op == 4) {
            // No punctuation at all.
            return s.replaceAll("[.,!?]+(\\s|$)", "$1").stripTrailing();
        }
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        if (words.isEmpty()) {
            return s;
        }
        int[] w = words.get(r.nextInt(words.size()));
        int i = w[0] + 1 + r.nextInt(w[1] - w[0] - 2);
        return switch (op) {
            case 0 -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            default -> s.substring(0, i + 1) + s.substring(i);
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    // Handles are ASCII, as on most platforms.
    private static String fold(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        s = s.replace("æ", "ae").replace("ø", "o").replace("å", "a").replace("ä", "a").replace("ö", "o").replace("é", "e");
        return s.replaceAll("[^a-z]", "");
    }

    private static Map<Grievance, Map<String, List<String>>> keyWords() {
        Map<Grievance, Map<String, List<String>>> m = new EnumMap<>(Grievance.class);
        m.put(Grievance.INTERNET_OUTAGE, orderedLanguages(
                List.of("nett", "internett", "mobilnett", "hjemmenett", "fiber", "bredbånd", "wifi", "ruter", "dekning", "4g", "5g"),
                List.of("net", "internet", "mobilnet", "fiber", "bredbånd", "wifi", "router", "dækning", "4g", "5g"),
                List.of("nät", "internet", "mobilnät", "fiber", "bredband", "wifi", "router", "uppkoppling", "täckning", "4g", "5g"),
                List.of("internet", "broadband", "fibre", "fiber", "wifi", "router", "signal", "mobile data", "4g", "5g")));
        m.put(Grievance.PAYMENT_FAILURE, orderedLanguages(
                List.of("betal", "kort", "bankid", "vipps", "nettbank", "terminal", "trukket", "avvist"),
                List.of("betal", "kort", "mitid", "mobilepay", "netbank", "terminal", "trukket", "afvist"),
                List.of("betal", "kort", "bankid", "swish", "internetbank", "terminal", "dragit", "dragits", "nekad", "nekas"),
                List.of("pay", "paid", "card", "declined", "charged", "contactless", "apple pay", "banking", "transaction")));
        m.put(Grievance.TRAIN_CANCELLED, orderedLanguages(
                List.of("tog", "innstil", "kansell", "perrong", "avgang", "buss for tog", "stasjon", "månedskort"),
                List.of("tog", "aflys", "perron", "afgang", "togbus", "station", "pendlerkort", "dsb"),
                List.of("tåg", "inställ", "ställdes in", "ställer in", "perrong", "avgång", "ersättningsbuss", "station", "månadskort", "sj-"),
                List.of("train", "cancel", "platform", "rail", "station", "season ticket", "departure")));
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, List<String>> orderedLanguages(List<String> nb, List<String> da, List<String> sv, List<String> en) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("nb", nb);
        m.put("da", da);
        m.put("sv", sv);
        m.put("en", en);
        return Collections.unmodifiableMap(m);
    }

    private static Map<Grievance, Pattern> keyPatterns() {
        Map<Grievance, Pattern> m = new EnumMap<>(Grievance.class);
        KEY_WORDS.forEach((g, byLanguage) -> {
            List<String> quoted = new ArrayList<>();
            byLanguage.values().forEach(words -> words.forEach(w -> quoted.add(Pattern.quote(w))));
            m.put(g, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", quoted) + ")"));
        });
        return m;
    }

    /** What one language sounds like, whatever the storm. */
    private record Tongue(List<String> firstNames, List<String> lastNames, List<String> places, List<String> openings,
                          List<String> replyOpenings, List<String> complaints, List<String> complaintEndings, List<String> items,
                          List<String> praise, List<String> questions, List<String> spam) {
    }

    /** How one grievance is put in one language. */
    private record Voice(List<String> events, List<String> consequences, List<String> oneLiners, List<String> sarcasm,
                         List<String> products, List<String> shops) {
    }

    private static final Map<String, Tongue> TONGUES = Map.of(
            "nb", new Tongue(
                    List.of("Kari", "Ola", "Ingrid", "Lars", "Silje", "Jonas", "Marte", "Henrik", "Nora", "Magnus", "Ida", "Eirik", "Hanne",
                            "Sindre", "Tonje", "Kjetil", "Line", "Øyvind", "Camilla", "Thomas", "Solveig", "Geir", "Hilde", "Anders",
                            "Marius", "Ragnhild", "Espen", "Synnøve", "Trond", "Åse"),
                    List.of("Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
                            "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Bakken", "Solberg", "Strand", "Lunde",
                            "Dahl", "Moen", "Halvorsen", "Sæther", "Aas", "Fjeld", "Myhre", "Vik", "Bjørnstad"),
                    List.of("Oslo", "Bergen", "Trondheim", "Stavanger", "Drammen", "Kristiansand", "Tromsø", "Fredrikstad", "Lillestrøm",
                            "Bodø", "Sandnes", "Ålesund", "Hamar", "Moss"),
                    List.of("Hei.", "Hallo?", "Seriøst?", "Nå er jeg lei.", "Altså.", "Hva er det dere driver med?", "Jeg er så sint nå.",
                            "Hei dere.", "Jaha, igjen.", "Ærlig talt.", "Dette går ikke lenger."),
                    List.of("Samme her!", "Her også.", "Samme her i {place}.", "+1", "Nøyaktig det samme hos meg.", "Du er ikke alene."),
                    List.of("Har ventet på pakken i {days} dager nå. Sporingen har stått stille siden mandag.",
                            "Fikk regning på {amount} for noe jeg sa opp for {n} måneder siden.",
                            "Damen i kassa i {place} var direkte frekk mot meg i dag.",
                            "{item} jeg kjøpte for {n} uker siden er allerede ødelagt.",
                            "Bestilte blå, fikk rosa. Og nå vil dere at jeg skal betale returfrakten?",
                            "Sjåføren kastet pakken over gjerdet. Alt var knust.",
                            "Har sendt {n} e-poster til kundeservice uten å få svar.",
                            "Dere har trukket meg for et abonnement jeg aldri har bestilt.",
                            "Ble behandlet som en tyv av vekteren i butikken i {place}.",
                            "{item} ble levert med en stor bulk i siden, og ingen vil ta ansvar.",
                            "Garantien gjelder visst ikke når det passer dere.",
                            "Leveringen ble flyttet for tredje gang. Jeg har tatt fri fra jobben for ingenting.",
                            "Maten var kald og bestillingen var feil. Igjen.",
                            "Ingen i butikken i {place} visste noe om varen dere reklamerer for.",
                            "Dere lovet å ringe tilbake innen 24 timer. Det er {days} dager siden.",
                            "Prisen på hylla var en annen enn i kassa."),
                    List.of("Jeg vil ha pengene tilbake.", "Dette er ikke greit.", "Svar meg, takk.", "Aldri mer.", "Skjerp dere.",
                            "Hvem kan jeg snakke med om dette?", "Forventer svar i dag."),
                    List.of("vaskemaskinen", "sofaen", "mobilen", "støvsugeren", "kaffemaskinen", "sykkelen", "oppvaskmaskinen"),
                    List.of("Tusen takk til {staff} i butikken i {place}, som tok seg god tid og fant akkurat det jeg trengte.",
                            "Rask levering og alt var helt perfekt. Anbefales!",
                            "Må bare si at kundeservice var utrolig hyggelige i dag. Problemet var løst på fem minutter.",
                            "Dere er best! 👏",
                            "Fikk hjelp med returen uten noe mas. Sånn skal det gjøres.",
                            "Stor takk til {staff}, som ringte meg tilbake samme dag.",
                            "Har vært kunde i {years} år og er fortsatt like fornøyd.",
                            "Så hyggelig betjening i {place} i dag. Det reddet dagen min!"),
                    List.of("Når åpner dere i romjula?", "Har dere fortsatt tilbudet på {item}?", "Hvordan endrer jeg adressen på kontoen min?",
                            "Kan man hente i butikken i {place}, eller må det sendes?", "Hva er åpningstidene deres i påsken?",
                            "Er det mulig å bytte uten kvittering?", "Hvor lang er leveringstiden til {place} nå?",
                            "Har dere ledige stillinger i {place}?"),
                    List.of("Tjen {bignum} kr i dag!!! DM meg 💰💰", "Jeg tjente {bignum}0 på krypto på én uke. Sjekk profilen min 🚀",
                            "Link i bio for gratis gavekort 🎁", "Vil du jobbe hjemmefra og tjene mer enn sjefen din? Send meg en melding!",
                            "Gratis iPhone til de 100 første! Klikk lenken i profilen min",
                            "Bitcoin-eksperten min hjalp meg å doble sparepengene. Skriv til henne på WhatsApp")),
            "da", new Tongue(
                    List.of("Mette", "Søren", "Louise", "Mads", "Camilla", "Rasmus", "Sofie", "Frederik", "Anne", "Jesper", "Line", "Mikkel",
                            "Pernille", "Kasper", "Helle", "Thomas", "Trine", "Anders", "Signe", "Jakob", "Lone", "Christian", "Maja", "Bo",
                            "Dorthe", "Morten", "Ida", "Henrik", "Birgitte", "Emil"),
                    List.of("Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
                            "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
                            "Møller", "Mortensen", "Knudsen", "Lund", "Holm", "Schmidt", "Frederiksen", "Dam", "Kjær", "Bech", "Mikkelsen",
                            "Østergaard"),
                    List.of("København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Roskilde", "Vejle", "Randers", "Horsens", "Kolding",
                            "Herning", "Silkeborg", "Næstved", "Valby"),
                    List.of("Hej.", "Hallo?", "Seriøst?", "Nu er jeg træt af det.", "Altså.", "Hvad har I gang i?", "Jeg er så sur lige nu.",
                            "Hej med jer.", "Nå, så skete det igen.", "Helt ærligt.", "Det her går ikke længere."),
                    List.of("Samme her!", "Også her.", "Samme her i {place}.", "+1", "Præcis det samme hos mig.", "Du er ikke alene."),
                    List.of("Har ventet på min pakke i {days} dage nu. Sporingen har stået stille siden mandag.",
                            "Fik en regning på {amount} for noget, jeg opsagde for {n} måneder siden.",
                            "Damen ved kassen i {place} var direkte uforskammet over for mig i dag.",
                            "{item}, jeg købte for {n} uger siden, er allerede gået i stykker.",
                            "Bestilte blå, fik lyserød. Og nu skal jeg selv betale for returneringen?",
                            "Chaufføren smed pakken over hækken. Alt var smadret.",
                            "Har sendt {n} mails til kundeservice uden at få svar.",
                            "I har trukket mig for et abonnement, jeg aldrig har bestilt.",
                            "Blev behandlet som en tyv af vagten i butikken i {place}.",
                            "{item} blev leveret med en stor bule i siden, og ingen vil tage ansvar.",
                            "Garantien gælder åbenbart ikke, når det passer jer.",
                            "Leveringen blev flyttet for tredje gang. Jeg har taget fri fra arbejde for ingenting.",
                            "Maden var kold, og bestillingen var forkert. Igen.",
                            "Ingen i butikken i {place} vidste noget om den vare, I reklamerer med.",
                            "I lovede at ringe tilbage inden for 24 timer. Det er {days} dage siden.",
                            "Prisen på hylden var en anden end ved kassen."),
                    List.of("Jeg vil have mine penge tilbage.", "Det er ikke i orden.", "Svar mig venligst.", "Aldrig igen.", "Tag jer sammen.",
                            "Hvem kan jeg tale med om det her?", "Jeg forventer et svar i dag."),
                    List.of("vaskemaskinen", "sofaen", "mobilen", "støvsugeren", "kaffemaskinen", "cyklen", "opvaskemaskinen"),
                    List.of("Tusind tak til {staff} i butikken i {place}, som tog sig god tid og fandt præcis det, jeg havde brug for.",
                            "Hurtig levering, og alt var helt perfekt. Kan varmt anbefales!",
                            "Må bare sige, at kundeservice var utroligt søde i dag. Problemet var løst på fem minutter.",
                            "I er de bedste! 👏",
                            "Fik hjælp til returneringen uden besvær. Sådan skal det gøres.",
                            "Stor tak til {staff}, der ringede mig op samme dag.",
                            "Har været kunde i {years} år og er stadig lige tilfreds.",
                            "Sikke en sød betjening i {place} i dag. Det reddede min dag!"),
                    List.of("Hvornår har I åbent mellem jul og nytår?", "Har I stadig tilbuddet på {item}?",
                            "Hvordan ændrer jeg adressen på min konto?", "Kan man hente i butikken i {place}, eller skal det sendes?",
                            "Hvad er jeres åbningstider i påsken?", "Kan man bytte uden kvittering?",
                            "Hvor lang er leveringstiden til {place} lige nu?", "Har I ledige stillinger i {place}?"),
                    List.of("Tjen {bignum} kr. i dag!!! Skriv til mig 💰💰", "Jeg tjente {bignum}0 kr. på krypto på én uge. Tjek min profil 🚀",
                            "Link i bio til gratis gavekort 🎁", "Vil du arbejde hjemmefra og tjene mere end din chef? Send mig en besked!",
                            "Gratis iPhone til de første 100! Klik på linket i min profil",
                            "Min bitcoin-ekspert hjalp mig med at fordoble min opsparing. Skriv til hende på WhatsApp")),
            "sv", new Tongue(
                    List.of("Anna", "Erik", "Emma", "Johan", "Maria", "Karl", "Sara", "Anders", "Elin", "Oskar", "Linnea", "Fredrik",
                            "Johanna", "Mikael", "Frida", "Henrik", "Malin", "Per", "Ebba", "Gustav", "Karin", "Niklas", "Sofia", "Lars",
                            "Ida", "Mattias", "Helena", "Jonas", "Åsa", "Björn"),
                    List.of("Lindqvist", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
                            "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg", "Lindström",
                            "Berglund", "Sjöberg", "Holm", "Engström", "Nyström", "Lundgren", "Hedlund", "Forsberg", "Sandberg", "Ekström",
                            "Wallin", "Öberg"),
                    List.of("Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Umeå", "Lund", "Norrköping",
                            "Jönköping", "Gävle", "Sundsvall", "Borås"),
                    List.of("Hej.", "Hallå?", "Allvarligt?", "Nu är jag trött på det här.", "Alltså.", "Vad håller ni på med?",
                            "Jag är så arg just nu.", "Hej på er.", "Jaha, igen.", "Ärligt talat.", "Det här håller inte längre."),
                    List.of("Samma här!", "Här också.", "Samma här i {place}.", "+1", "Exakt samma sak hos mig.", "Du är inte ensam."),
                    List.of("Har väntat på paketet i {days} dagar nu. Spårningen har stått still sedan måndag.",
                            "Fick en faktura på {amount} för något jag sa upp för {n} månader sedan.",
                            "Kvinnan i kassan i {place} var rent otrevlig mot mig idag.",
                            "{item} som jag köpte för {n} veckor sedan har redan gått sönder.",
                            "Beställde blå, fick rosa. Och nu ska jag betala returfrakten själv?",
                            "Chauffören slängde paketet över staketet. Allt var trasigt.",
                            "Har skickat {n} mejl till kundtjänst utan att få svar.",
                            "Ni har dragit pengar för ett abonnemang jag aldrig har beställt.",
                            "Blev behandlad som en tjuv av väktaren i butiken i {place}.",
                            "{item} levererades med en stor buckla i sidan och ingen vill ta ansvar.",
                            "Garantin gäller tydligen inte när det passar er.",
                            "Leveransen flyttades för tredje gången. Jag har tagit ledigt från jobbet i onödan.",
                            "Maten var kall och beställningen var fel. Igen.",
                            "Ingen i butiken i {place} visste något om varan ni gör reklam för.",
                            "Ni lovade att ringa tillbaka inom 24 timmar. Det har gått {days} dagar.",
                            "Priset på hyllan var ett annat än i kassan."),
                    List.of("Jag vill ha tillbaka pengarna.", "Det här är inte okej.", "Svara mig, tack.", "Aldrig mer.", "Skärp er.",
                            "Vem kan jag prata med om det här?", "Förväntar mig ett svar idag."),
                    List.of("tvättmaskinen", "soffan", "mobilen", "dammsugaren", "kaffebryggaren", "cykeln", "diskmaskinen"),
                    List.of("Stort tack till {staff} i butiken i {place}, som tog sig tid och hittade precis det jag behövde.",
                            "Snabb leverans och allt var helt perfekt. Rekommenderas!",
                            "Måste bara säga att kundtjänst var otroligt trevliga idag. Problemet löst på fem minuter.",
                            "Ni är bäst! 👏",
                            "Fick hjälp med returen utan krångel. Så ska det gå till.",
                            "Stort tack till {staff}, som ringde tillbaka samma dag.",
                            "Har varit kund i {years} år och är fortfarande lika nöjd.",
                            "Så trevlig personal i {place} idag. Räddade min dag!"),
                    List.of("Vilka öppettider har ni i mellandagarna?", "Har ni fortfarande erbjudandet på {item}?",
                            "Hur ändrar jag adressen på mitt konto?", "Går det att hämta i butiken i {place} eller måste det skickas?",
                            "Har ni öppet på annandag påsk?", "Går det att byta utan kvitto?",
                            "Hur lång är leveranstiden till {place} just nu?", "Har ni några lediga jobb i {place}?"),
                    List.of("Tjäna {bignum} kr idag!!! DM:a mig 💰💰", "Jag tjänade {bignum}0 kr på krypto på en vecka. Kolla min profil 🚀",
                            "Länk i bio för gratis presentkort 🎁", "Vill du jobba hemifrån och tjäna mer än din chef? Skicka ett meddelande!",
                            "Gratis iPhone till de 100 första! Klicka på länken i min profil",
                            "Min bitcoin-expert hjälpte mig att dubbla mina besparingar. Skriv till henne på WhatsApp")),
            "en", new Tongue(
                    List.of("Tom", "Sarah", "James", "Emma", "Daniel", "Laura", "Chris", "Rachel", "Mark", "Sophie", "Paul", "Hannah", "Ben",
                            "Claire", "Gary", "Lucy", "Jack", "Amy", "Steve", "Katie", "Ryan", "Gemma", "Liam", "Megan", "Dave", "Zoe",
                            "Adam", "Jess", "Rob", "Nicola"),
                    List.of("Walker", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
                            "Thompson", "Evans", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Hughes", "Edwards",
                            "Turner", "Lewis", "Hill", "Cooper", "Ward", "Moore", "Harris", "Khan"),
                    List.of("Leeds", "Manchester", "Bristol", "Glasgow", "Sheffield", "Leicester", "Cardiff", "Newcastle", "Birmingham",
                            "Nottingham", "York", "Liverpool", "Brighton", "Coventry"),
                    List.of("Hi.", "Hello??", "Seriously?", "I've had enough.", "Right.", "What is going on with you lot?",
                            "I'm absolutely fuming.", "Hi there.", "Oh great, again.", "Honestly.", "This is getting beyond a joke."),
                    List.of("Same here!", "Same.", "Same here in {place}.", "+1", "Exactly the same for me.", "You're not alone."),
                    List.of("Been waiting {days} days for my parcel. Tracking hasn't moved since Monday.",
                            "Got a bill for {amount} for something I cancelled {n} months ago.",
                            "The woman on the till in {place} was downright rude to me today.",
                            "{item} I bought {n} weeks ago is already broken.",
                            "Ordered blue, got pink. And now you want me to pay for the return?",
                            "Driver chucked the parcel over the fence. Everything smashed.",
                            "Sent {n} emails to customer service and not a single reply.",
                            "You've taken money for a subscription I never signed up for.",
                            "Got treated like a thief by the security guard in your {place} store.",
                            "{item} arrived with a massive dent in the side and nobody will take responsibility.",
                            "Apparently the warranty only counts when it suits you.",
                            "Delivery moved for the third time. Took a day off work for nothing.",
                            "Food was cold and the order was wrong. Again.",
                            "Nobody in the {place} store knew anything about the product you're advertising.",
                            "You promised a call back within 24 hours. It's been {days} days.",
                            "Price on the shelf was different from the one at the till."),
                    List.of("I want my money back.", "Not acceptable.", "Reply please.", "Never again.", "Sort it out.",
                            "Who can I speak to about this?", "Expecting a reply today."),
                    List.of("the washing machine", "the sofa", "my phone", "the hoover", "the coffee machine", "the bike", "the dishwasher"),
                    List.of("Massive thanks to {staff} in the {place} store, who took the time to find exactly what I needed.",
                            "Quick delivery and everything was perfect. Highly recommend!",
                            "Just have to say customer service were brilliant today. Sorted in five minutes.",
                            "You lot are the best! 👏",
                            "Got help with my return, no fuss at all. That's how it's done.",
                            "Big thanks to {staff}, who called me back the same day.",
                            "Been a customer for {years} years and still just as happy.",
                            "Such lovely staff in {place} today. Made my day!"),
                    List.of("What are your opening hours between Christmas and New Year?", "Is the offer on {item} still on?",
                            "How do I change the address on my account?", "Can I pick up from the {place} store or does it have to be posted?",
                            "Are you open on Easter Monday?", "Can I exchange something without a receipt?",
                            "How long is delivery to {place} at the moment?", "Are you hiring in {place}?"),
                    List.of("Make £{bignum} a week from home!!! DM me 💰💰", "Made {bignum}0 quid on crypto in one week. Check my profile 🚀",
                            "Link in bio for a free gift card 🎁", "Want to earn more than your boss working from home? Message me!",
                            "Free iPhone for the first 100! Click the link in my profile",
                            "My bitcoin mentor helped me double my savings. Message her on WhatsApp")));

    private static final Map<Grievance, Map<String, Voice>> VOICES = voices();

    private static Map<Grievance, Map<String, Voice>> voices() {
        Map<Grievance, Map<String, Voice>> m = new EnumMap<>(Grievance.class);
        m.put(Grievance.INTERNET_OUTAGE, Map.of(
                "nb", new Voice(
                        List.of("{product} har vært nede {time}.",
                                "Ikke noe nett her i {place} {time}.",
                                "{product} er nede IGJEN i {place}.",
                                "Har betalt for fiber i {n} år, og nå virker ingenting.",
                                "Ruteren blinker rødt og kundeservice svarer ikke.",
                                "Hele gata i {place} har vært uten nett {time}.",
                                "Er det brudd i {place}? {product} har ikke virket {time}.",
                                "Tredje gang denne uka at {product} faller ut.",
                                "Jeg har restartet ruteren {n} ganger nå. Ingenting hjelper.",
                                "Driftsmeldingene deres sier at alt er i orden. Det er det IKKE.",
                                "Ungene får ikke gjort lekser fordi {product} har vært borte {time}.",
                                "Satt i kø hos kundeservice i {minutes} minutter for å høre at dere «jobber med saken».",
                                "Kan noen forklare hvorfor {product} i {place} ikke har virket {time}?",
                                "Null dekning på mobilen og ingen fiber. {place} er visst ikke viktig for dere."),
                        List.of("Jeg jobber hjemmefra og får ikke gjort noe som helst.", "Når blir det fikset?",
                                "Jeg forventer avslag på regningen denne måneden.", "Jeg betaler {amount} i måneden for dette.",
                                "Dette er ikke greit.", "Hadde et viktig Teams-møte i dag. Takk for det.",
                                "Gi beskjed når dere har tenkt å gjøre jobben deres.", "Vurderer seriøst å bytte leverandør.", "Svar meg NÅ.",
                                "Hvorfor er det ingen som informerer oss?", "Det er helt utrolig at dette skal være så vanskelig.",
                                "Skal jeg virkelig ringe og sitte i kø en gang til?"),
                        List.of("NEDE. IGJEN.", "Nettet??", "Hallo?? Nettet??", "Seriøst. Nede igjen.", "Fiber nede. Flott.", "IKKE NOE NETT!!!",
                                "Igjen???"),
                        List.of("Takk for et helt fantastisk nett. Tredje gang denne uka.",
                                "Elsker å betale {amount} i måneden for et nett som ikke virker.",
                                "Godt å vite at «Norges beste nett» betyr nede hver tirsdag.",
                                "Flott, da blir det brettspill og stearinlys i kveld igjen."),
                        List.of("fiberen", "bredbåndet", "mobilnettet", "nettet", "internett", "TV-en", "5G-nettet"),
                        List.of()),
                "da", new Voice(
                        List.of("{product} har været nede {time}.",
                                "Ikke noget net her i {place} {time}.",
                                "{product} er nede IGEN i {place}.",
                                "Har betalt for fiber i {n} år, og nu virker ingenting.",
                                "Routeren blinker rødt, og kundeservice tager ikke telefonen.",
                                "Hele vejen i {place} har været uden net {time}.",
                                "Er der nedbrud i {place}? {product} har ikke virket {time}.",
                                "Tredje gang i denne uge, at {product} ryger.",
                                "Jeg har genstartet routeren {n} gange nu. Intet hjælper.",
                                "Jeres driftsstatus siger, at alt kører. Det gør det IKKE.",
                                "Børnene kan ikke lave lektier, fordi {product} har været væk {time}.",
                                "Har siddet i kø hos kundeservice i {minutes} minutter for at høre, at I «arbejder på sagen».",
                                "Kan nogen forklare, hvorfor {product} i {place} ikke har virket {time}?",
                                "Ingen dækning på mobilen og ingen fiber. {place} er åbenbart ligegyldig for jer."),
                        List.of("Jeg arbejder hjemmefra og kan ikke lave noget som helst.", "Hvornår bliver det løst?",
                                "Jeg forventer at få penge tilbage for denne måned.", "Jeg betaler {amount} om måneden for det her.",
                                "Det er simpelthen ikke i orden.", "Havde et vigtigt Teams-møde i dag. Tak for det.",
                                "Sig til, når I har tænkt jer at gøre jeres arbejde.", "Overvejer seriøst at skifte udbyder.", "Svar mig NU.",
                                "Hvorfor er der ingen, der informerer os?", "Det er helt vildt, at det skal være så svært.",
                                "Skal jeg virkelig ringe og sidde i kø en gang til?"),
                        List.of("NEDE. IGEN.", "Nettet??", "Hallo?? Nettet??", "Seriøst. Nede igen.", "Fiber nede. Fedt.", "IKKE NOGET NET!!!",
                                "Igen???"),
                        List.of("Tak for et helt fantastisk net. Tredje gang i denne uge.",
                                "Elsker at betale {amount} om måneden for et net, der ikke virker.",
                                "Godt at vide, at «Danmarks bedste netværk» betyder nede hver tirsdag.",
                                "Fedt, så bliver det brætspil og stearinlys i aften igen."),
                        List.of("internettet", "bredbåndet", "fiberforbindelsen", "mobilnettet", "nettet", "5G-nettet"),
                        List.of()),
                "sv", new Voice(
                        List.of("{product} har legat nere {time}.",
                                "Inget nät här i {place} {time}.",
                                "{product} ligger nere IGEN i {place}.",
                                "Har betalat för fiber i {n} år och nu funkar ingenting.",
                                "Routern blinkar rött och kundtjänst svarar inte.",
                                "Hela gatan i {place} har varit utan nät {time}.",
                                "Är det avbrott i {place}? {product} har inte fungerat {time}.",
                                "Tredje gången den här veckan som {product} går ner.",
                                "Jag har startat om routern {n} gånger nu. Ingenting hjälper.",
                                "Er driftinformation säger att allt fungerar. Det gör det INTE.",
                                "Barnen kan inte göra läxorna för att {product} har varit borta {time}.",
                                "Satt i telefonkö hos kundtjänst i {minutes} minuter för att få höra att ni «jobbar på det».",
                                "Kan någon förklara varför {product} i {place} inte har fungerat {time}?",
                                "Ingen täckning på mobilen och ingen fiber. {place} är tydligen inte viktigt för er."),
                        List.of("Jag jobbar hemifrån och kan inte göra någonting.", "När blir det fixat?",
                                "Jag förväntar mig avdrag på fakturan den här månaden.", "Jag betalar {amount} i månaden för det här.",
                                "Det här är inte okej.", "Hade ett viktigt Teams-möte idag. Tack för det.",
                                "Hör av er när ni tänker göra ert jobb.", "Funderar på allvar på att byta leverantör.", "Svara mig NU.",
                                "Varför är det ingen som informerar oss?", "Helt otroligt att det ska vara så svårt.",
                                "Ska jag verkligen ringa och sitta i kö en gång till?"),
                        List.of("NERE. IGEN.", "Nätet??", "Hallå?? Nätet??", "Allvarligt. Nere igen.", "Fibern nere. Toppen.", "INGET NÄT!!!",
                                "Igen???"),
                        List.of("Tack för ett helt fantastiskt nät. Tredje gången den här veckan.",
                                "Älskar att betala {amount} i månaden för ett nät som inte fungerar.",
                                "Skönt att veta att «Sveriges bästa nät» betyder nere varje tisdag.",
                                "Toppen, då blir det sällskapsspel och stearinljus i kväll igen."),
                        List.of("fibern", "bredbandet", "mobilnätet", "nätet", "internet", "uppkopplingen", "5G-nätet"),
                        List.of()),
                "en", new Voice(
                        List.of("{product} has been down {time}.",
                                "No internet here in {place} {time}.",
                                "{product} is down AGAIN in {place}.",
                                "Been paying for fibre for {n} years and now nothing works.",
                                "Router's flashing red and customer service won't pick up.",
                                "Whole street in {place} has been without internet {time}.",
                                "Is there an outage in {place}? {product} hasn't worked {time}.",
                                "Third time this week {product} has dropped out.",
                                "I've restarted the router {n} times now. Nothing helps.",
                                "Your service status page says everything is fine. It is NOT.",
                                "The kids can't do their homework because {product} has been down {time}.",
                                "Sat on hold for {minutes} minutes just to be told you're \"working on it\".",
                                "Can someone explain why {product} in {place} hasn't worked {time}?",
                                "Zero signal on my phone and no broadband either. Guess {place} doesn't matter to you."),
                        List.of("I work from home and can't do a thing.", "When will it be fixed?", "I expect money off this month's bill.",
                                "I pay {amount} a month for this.", "This is not acceptable.", "Had an important Teams call today. Thanks for that.",
                                "Let me know when you plan on doing your job.", "Seriously thinking about switching provider.", "Answer me NOW.",
                                "Why is nobody telling us anything?", "Unbelievable that this has to be so hard.",
                                "Do I really have to ring up and sit on hold again?"),
                        List.of("DOWN. AGAIN.", "Internet??", "Hello?? Internet??", "Seriously. Down again.", "Broadband down. Brilliant.",
                                "NO INTERNET!!!", "Again???"),
                        List.of("Thanks for the absolutely fantastic service. Third time this week.",
                                "Love paying {amount} a month for internet that doesn't work.",
                                "Good to know \"the UK's fastest network\" means down every Tuesday.",
                                "Great, board games and candles again tonight then."),
                        List.of("the broadband", "the fibre", "my internet", "the wifi", "mobile data", "the 5G"),
                        List.of())));
        m.put(Grievance.PAYMENT_FAILURE, Map.of(
                "nb", new Voice(
                        List.of("{product} har ikke virket {time}.",
                                "Kortet blir avvist i kassa på {shop} i {place}. Det er penger på konto!",
                                "Sto i kø på {shop} med full handlekurv, og kortet ble avvist. Pinlig.",
                                "Pengene er trukket {n} ganger for samme kjøp.",
                                "BankID har bare hengt og lastet {time}.",
                                "Får ikke betalt regningene, og forfallsdatoen er i dag.",
                                "Vipps sier «Noe gikk galt» hver eneste gang.",
                                "Lønna kom i dag, og jeg får ikke brukt en krone av den.",
                                "Har prøvd å betale {amount} {n} ganger nå. Feilmelding hver gang.",
                                "Står på bensinstasjonen i {place} og får ikke betalt. Hva gjør jeg nå?",
                                "Nettbanken er nede, og appen logger meg ut hele tiden.",
                                "Terminalene i hele {place} sentrum ser ut til å være nede. Butikkene tar bare kontanter.",
                                "Hvorfor er {amount} trukket fra kontoen når betalingen feilet?",
                                "Prøvde å betale for middagen på restaurant i {place}. Kortet avvist. Måtte låne av en venn."),
                        List.of("Jeg har regninger som forfaller i dag.", "Når blir det fikset?", "Jeg vil ha pengene tilbake på konto i dag.",
                                "Dette er ikke greit.", "Hvem betaler gebyret når regningen blir for sent betalt?", "Vurderer seriøst å bytte bank.",
                                "Svar meg NÅ.", "Hvorfor er det ingen som informerer oss?", "Ikke alle har kontanter liggende, vet dere.",
                                "Skal jeg virkelig ringe og sitte i kø en gang til?", "Jeg har et barn som skal ha mat i dag.",
                                "Dette er ikke første gang, og det vet dere."),
                        List.of("AVVIST. IGJEN.", "BankID??", "Hallo?? Kortet??", "Seriøst. Avvist igjen.", "Vipps nede. Flott.",
                                "FÅR IKKE BETALT!!!", "Igjen???"),
                        List.of("Takk for en fantastisk opplevelse i kassa i dag. Elsker å bli avvist foran hele køen.",
                                "Så bra at vi har et kontantløst samfunn, da.",
                                "Godt at BankID alltid virker når man trenger det. Not.",
                                "Flott, da får jeg vel betale med et smil i dag."),
                        List.of("BankID", "Vipps", "kortet mitt", "nettbanken", "appen", "betalingsterminalen"),
                        List.of("Rema", "Kiwi", "Coop Extra", "Meny", "Vinmonopolet", "Clas Ohlson", "Europris")),
                "da", new Voice(
                        List.of("{product} har ikke virket {time}.",
                                "Mit kort bliver afvist ved kassen i {shop} i {place}. Der er penge på kontoen!",
                                "Stod i kø i {shop} med en fuld indkøbsvogn, og kortet blev afvist. Pinligt.",
                                "Pengene er trukket {n} gange for det samme køb.",
                                "MitID har bare hængt og loadet {time}.",
                                "Jeg kan ikke betale mine regninger, og sidste frist er i dag.",
                                "MobilePay siger «Noget gik galt» hver eneste gang.",
                                "Lønnen kom i dag, og jeg kan ikke bruge en krone af den.",
                                "Har prøvet at betale {amount} {n} gange nu. Fejlbesked hver gang.",
                                "Står på tanken i {place} og kan ikke betale. Hvad gør jeg nu?",
                                "Netbanken er nede, og appen logger mig ud hele tiden.",
                                "Terminalerne i hele {place} midtby ser ud til at være nede. Butikkerne tager kun kontanter.",
                                "Hvorfor er der trukket {amount} fra min konto, når betalingen fejlede?",
                                "Prøvede at betale for middagen på en restaurant i {place}. Kortet blev afvist. Måtte låne af en ven."),
                        List.of("Jeg har regninger, der forfalder i dag.", "Hvornår bliver det løst?",
                                "Jeg vil have mine penge tilbage på kontoen i dag.", "Det er simpelthen ikke i orden.",
                                "Hvem betaler gebyret, når regningen bliver betalt for sent?", "Overvejer seriøst at skifte bank.", "Svar mig NU.",
                                "Hvorfor er der ingen, der informerer os?", "Ikke alle har kontanter liggende, ved I nok.",
                                "Skal jeg virkelig ringe og sidde i kø en gang til?", "Jeg har et barn, der skal have mad i dag.",
                                "Det er ikke første gang, og det ved I godt."),
                        List.of("AFVIST. IGEN.", "MitID??", "Hallo?? Kortet??", "Seriøst. Afvist igen.", "MobilePay nede. Fedt.",
                                "KAN IKKE BETALE!!!", "Igen???"),
                        List.of("Tak for en fantastisk oplevelse ved kassen i dag. Elsker at blive afvist foran hele køen.",
                                "Godt, at vi har et kontantløst samfund, hva'.",
                                "Dejligt, at MitID altid virker, når man har brug for det. Not.",
                                "Fedt, så må jeg vel betale med et smil i dag."),
                        List.of("MitID", "MobilePay", "mit kort", "netbanken", "appen", "betalingsterminalen"),
                        List.of("Netto", "Føtex", "Rema 1000", "Bilka", "Lidl", "Meny", "Salling")),
                "sv", new Voice(
                        List.of("{product} har inte fungerat {time}.",
                                "Kortet nekas i kassan på {shop} i {place}. Det finns pengar på kontot!",
                                "Stod i kö på {shop} med full kundvagn och kortet nekades. Pinsamt.",
                                "Pengarna har dragits {n} gånger för samma köp.",
                                "BankID har bara snurrat och laddat {time}.",
                                "Kan inte betala räkningarna och sista dagen är idag.",
                                "Swish säger «Något gick fel» varenda gång.",
                                "Lönen kom idag och jag kan inte använda en krona av den.",
                                "Har försökt betala {amount} {n} gånger nu. Felmeddelande varje gång.",
                                "Står på macken i {place} och kan inte betala. Vad gör jag nu?",
                                "Internetbanken ligger nere och appen loggar ut mig hela tiden.",
                                "Terminalerna i hela {place} centrum verkar ligga nere. Butikerna tar bara kontanter.",
                                "Varför har {amount} dragits från kontot när betalningen misslyckades?",
                                "Försökte betala middagen på en restaurang i {place}. Kortet nekades. Fick låna av en kompis."),
                        List.of("Jag har räkningar som förfaller idag.", "När blir det fixat?", "Jag vill ha tillbaka pengarna på kontot idag.",
                                "Det här är inte okej.", "Vem betalar förseningsavgiften när räkningen blir sen?",
                                "Funderar på allvar på att byta bank.",
                                "Svara mig NU.", "Varför är det ingen som informerar oss?", "Alla har inte kontanter liggande, vet ni.",
                                "Ska jag verkligen ringa och sitta i kö en gång till?", "Jag har ett barn som ska ha mat idag.",
                                "Det är inte första gången och det vet ni."),
                        List.of("NEKAT. IGEN.", "BankID??", "Hallå?? Kortet??", "Allvarligt. Nekat igen.", "Swish nere. Toppen.",
                                "KAN INTE BETALA!!!", "Igen???"),
                        List.of("Tack för en fantastisk upplevelse i kassan idag. Älskar att bli nekad inför hela kön.",
                                "Så bra att vi har ett kontantlöst samhälle, va.",
                                "Skönt att BankID alltid fungerar när man behöver det. Not.",
                                "Toppen, då får jag väl betala med ett leende idag."),
                        List.of("BankID", "Swish", "mitt kort", "internetbanken", "appen", "kortterminalen"),
                        List.of("ICA", "Coop", "Willys", "Hemköp", "Systembolaget", "Lidl", "Clas Ohlson")),
                "en", new Voice(
                        List.of("{product} hasn't worked {time}.",
                                "Card declined at the till in {shop} in {place}. There's money in the account!",
                                "Stood in the queue at {shop} with a full trolley and my card got declined. Mortifying.",
                                "I've been charged {n} times for the same purchase.",
                                "The app has just been spinning {time}.",
                                "Can't pay my bills and they're due today.",
                                "Every single payment says \"Something went wrong\".",
                                "Got paid today and I can't spend a penny of it.",
                                "Tried to pay {amount} {n} times now. Error every time.",
                                "Stuck at a petrol station in {place} and can't pay. What am I supposed to do?",
                                "Online banking is down and the app keeps logging me out.",
                                "Card machines all over {place} town centre seem to be down. Shops are cash only.",
                                "Why has {amount} left my account when the payment failed?",
                                "Tried to pay for dinner at a restaurant in {place}. Declined. Had to borrow off a mate."),
                        List.of("I've got bills due today.", "When will it be fixed?", "I want my money back in my account today.",
                                "This is not acceptable.", "Who pays the late fee when my bill goes unpaid?",
                                "Seriously thinking about switching banks.",
                                "Answer me NOW.", "Why is nobody telling us anything?", "Not everyone carries cash around, you know.",
                                "Do I really have to ring up and sit on hold again?", "I've got a kid who needs feeding today.",
                                "This isn't the first time and you know it."),
                        List.of("DECLINED. AGAIN.", "Card??", "Hello?? Payments??", "Seriously. Declined again.", "App down. Brilliant.",
                                "CAN'T PAY!!!", "Again???"),
                        List.of("Thanks for a fantastic experience at the till today. Love getting declined in front of the whole queue.",
                                "Great that we're a cashless society, eh.",
                                "Good to know the app always works when you need it. Not.",
                                "Brilliant, guess I'll pay with a smile today."),
                        List.of("my card", "the app", "online banking", "Apple Pay", "contactless", "the card machine"),
                        List.of("Tesco", "Sainsbury's", "Asda", "Boots", "Greggs", "Aldi", "Morrisons"))));
        m.put(Grievance.TRAIN_CANCELLED, Map.of(
                "nb", new Voice(
                        List.of("Toget kl. {clock} til {place} er innstilt. Igjen.",
                                "Står på perrongen i {place}, og ingen tog har gått {time}.",
                                "{product} er innstilt, og det er ingen buss for tog.",
                                "Buss for tog?? Den kom aldri. Vi står her {crowd} stykker i kulda.",
                                "Innstilt uten forklaring. Hvordan skal jeg komme meg på jobb?",
                                "Kommer til å miste flyet fordi toget til Gardermoen er innstilt.",
                                "Skjermen sier «innstilt», appen sier «i rute». Hvem skal man tro på?",
                                "Tredje innstilte avgang denne uka fra {place}.",
                                "Har månedskort til {amount} og kommer meg ikke på jobb.",
                                "Ingen informasjon på stasjonen i {place}. Ingen ansatte heller.",
                                "Ble kastet av toget i {place} fordi det plutselig ble innstilt.",
                                "Ventet {minutes} minutter på {product} før det ble innstilt.",
                                "Hvorfor innstiller dere {product} uten å si ifra?",
                                "{product} fra {place} er bare borte fra tavla. Hva skjer?"),
                        List.of("Jeg kommer for sent på jobb for tredje gang denne uka.", "Når går neste tog?",
                                "Jeg vil ha refusjon for månedskortet.", "Dette er ikke greit.", "Hvem betaler drosjen?",
                                "Skulle hente i barnehagen kl. 16. Takk for det.", "Svar meg NÅ.", "Hvorfor er det ingen som informerer oss?",
                                "Gi oss i det minste en buss!", "Det er helt utrolig at dette skal være så vanskelig.",
                                "Jeg har jobbintervju om en time.", "Skal jeg bare stå her i kulda?"),
                        List.of("INNSTILT. IGJEN.", "Toget??", "Hallo?? Toget??", "Seriøst. Innstilt igjen.", "Innstilt. Flott.", "INGEN TOG!!!",
                                "Igjen???"),
                        List.of("Takk for nok en innstilt avgang. Tredje gang denne uka.",
                                "Elsker å betale {amount} for et månedskort til tog som ikke går.",
                                "Godt å vite at «i rute» betyr innstilt hver mandag.",
                                "Flott, da blir det hjemmekontor på perrongen i dag."),
                        List.of("toget", "regiontoget", "lokaltoget", "R11", "L1", "nattoget", "toget mitt", "toget kl. {clock}"),
                        List.of()),
                "da", new Voice(
                        List.of("Toget kl. {clock} mod {place} er aflyst. Igen.",
                                "Står på perronen i {place}, og der er ikke kørt et eneste tog {time}.",
                                "{product} er aflyst, og der er ingen togbusser.",
                                "Togbus?? Den kom aldrig. Vi står her {crowd} mennesker i kulden.",
                                "Aflyst uden forklaring. Hvordan skal jeg komme på arbejde?",
                                "Jeg kommer til at misse mit fly, fordi toget til lufthavnen er aflyst.",
                                "Skærmen siger «aflyst», appen siger «til tiden». Hvem skal man tro på?",
                                "Tredje aflyste afgang i denne uge fra {place}.",
                                "Har pendlerkort til {amount} og kan ikke komme på arbejde.",
                                "Ingen information på stationen i {place}. Intet personale heller.",
                                "Blev smidt af toget i {place}, fordi det pludselig blev aflyst.",
                                "Ventede {minutes} minutter på {product}, før det blev aflyst.",
                                "Hvorfor aflyser I {product} uden at sige det?",
                                "{product} fra {place} er bare forsvundet fra tavlen. Hvad sker der?"),
                        List.of("Jeg kommer for sent på arbejde for tredje gang i denne uge.", "Hvornår kører det næste tog?",
                                "Jeg forventer, at rejsetidsgarantien dækker det her.", "Det er simpelthen ikke i orden.", "Hvem betaler taxaen?",
                                "Skulle hente i børnehaven kl. 16. Tak for det.", "Svar mig NU.", "Hvorfor er der ingen, der informerer os?",
                                "Giv os i det mindste en bus!", "Det er helt vildt, at det skal være så svært.",
                                "Jeg har en jobsamtale om en time.", "Skal jeg bare stå her i kulden?"),
                        List.of("AFLYST. IGEN.", "Toget??", "Hallo?? Toget??", "Seriøst. Aflyst igen.", "Aflyst. Fedt.", "INGEN TOG!!!",
                                "Igen???"),
                        List.of("Tak for endnu en aflyst afgang. Tredje gang i denne uge.",
                                "Elsker at betale {amount} for et pendlerkort til tog, der ikke kører.",
                                "Godt at vide, at «til tiden» betyder aflyst hver mandag.",
                                "Fedt, så bliver det hjemmearbejde på perronen i dag."),
                        List.of("toget", "regionaltoget", "S-toget", "Kystbanen", "IC-toget", "lyntoget", "mit tog", "toget kl. {clock}"),
                        List.of()),
                "sv", new Voice(
                        List.of("Tåget kl. {clock} mot {place} är inställt. Igen.",
                                "Står på perrongen i {place} och inga tåg har gått {time}.",
                                "{product} är inställt och det finns inga ersättningsbussar.",
                                "Ersättningsbuss?? Den kom aldrig. Vi står här {crowd} personer i kylan.",
                                "Inställt utan förklaring. Hur ska jag ta mig till jobbet?",
                                "Kommer att missa flyget för att tåget till Arlanda är inställt.",
                                "Skylten säger «inställt», appen säger «i tid». Vem ska man tro på?",
                                "Tredje inställda avgången den här veckan från {place}.",
                                "Har månadskort för {amount} och kommer inte till jobbet.",
                                "Ingen information på stationen i {place}. Ingen personal heller.",
                                "Blev avslängd från tåget i {place} för att det plötsligt ställdes in.",
                                "Väntade {minutes} minuter på {product} innan det ställdes in.",
                                "Varför ställer ni in {product} utan att säga till?",
                                "{product} från {place} har bara försvunnit från tavlan. Vad händer?"),
                        List.of("Jag kommer för sent till jobbet för tredje gången den här veckan.", "När går nästa tåg?",
                                "Jag vill ha ersättning för månadskortet.", "Det här är inte okej.", "Vem betalar taxin?",
                                "Skulle hämta på förskolan kl. 16. Tack för det.", "Svara mig NU.", "Varför är det ingen som informerar oss?",
                                "Ge oss åtminstone en buss!", "Helt otroligt att det ska vara så svårt.",
                                "Jag har en anställningsintervju om en timme.", "Ska jag bara stå här i kylan?"),
                        List.of("INSTÄLLT. IGEN.", "Tåget??", "Hallå?? Tåget??", "Allvarligt. Inställt igen.", "Inställt. Toppen.", "INGA TÅG!!!",
                                "Igen???"),
                        List.of("Tack för ännu en inställd avgång. Tredje gången den här veckan.",
                                "Älskar att betala {amount} för ett månadskort till tåg som inte går.",
                                "Skönt att veta att «i tid» betyder inställt varje måndag.",
                                "Toppen, då blir det hemmakontor på perrongen idag."),
                        List.of("tåget", "regionaltåget", "pendeltåget", "SJ-tåget", "nattåget", "mitt tåg", "tåget kl. {clock}"),
                        List.of()),
                "en", new Voice(
                        List.of("The {clock} to {place} is cancelled. Again.",
                                "Stood on the platform in {place} and nothing's run {time}.",
                                "{product} is cancelled and there's no rail replacement bus.",
                                "Rail replacement bus?? Never turned up. There's {crowd} of us stood here in the cold.",
                                "Cancelled with no explanation. How am I meant to get to work?",
                                "Going to miss my flight because the airport train is cancelled.",
                                "Board says \"cancelled\", app says \"on time\". Who are we meant to believe?",
                                "Third cancelled service this week from {place}.",
                                "Paying {amount} a month for a season ticket and I can't even get to work.",
                                "No information at the station in {place}. No staff either.",
                                "Got kicked off at {place} because the train was suddenly cancelled.",
                                "Waited {minutes} minutes for {product} before it got cancelled.",
                                "Why do you cancel {product} without telling anyone?",
                                "{product} from {place} has just vanished off the board. What's going on?"),
                        List.of("Late for work for the third time this week.", "When's the next train?", "I want a refund on my season ticket.",
                                "This is not acceptable.", "Who's paying for the taxi?",
                                "Was supposed to pick my kid up from nursery at 4. Thanks for that.", "Answer me NOW.",
                                "Why is nobody telling us anything?", "At least give us a bus!", "Unbelievable that this has to be so hard.",
                                "I've got a job interview in an hour.", "Am I just supposed to stand here in the cold?"),
                        List.of("CANCELLED. AGAIN.", "Train??", "Hello?? Trains??", "Seriously. Cancelled again.", "Cancelled. Brilliant.",
                                "NO TRAINS!!!", "Again???"),
                        List.of("Thanks for yet another cancelled train. Third time this week.",
                                "Love paying {amount} a month for a season ticket to trains that don't run.",
                                "Good to know \"on time\" means cancelled every Monday.",
                                "Great, working from the platform again today then."),
                        List.of("the train", "the {clock}", "my train", "the stopping service", "the express", "the last train home"),
                        List.of())));
        return Collections.unmodifiableMap(m);
    }
}
