package dev.ydmyk.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Tells, as complaints arrive, which ones are the same grievance. Each post becomes a TF-IDF vector
 * of its folded, stemmed words ({@link Signature}); the document frequencies come from every complaint
 * of the window, members included, so a word the storm shares with everyday complaints ("till", "kassa")
 * weighs no more than it tells, and the words every complaint uses weigh little. A post joins an open incident when its
 * cosine to the incident's centroid (of its language, once that has members) clears the join
 * threshold; shared topics and the thread (a comment under the incident's Facebook post, an answer
 * to a member) add evidence. A post outside incidents that resembles at least {@code min-size - 1}
 * recent posts outside incidents directly (above a stricter link threshold; no chains, which generic
 * words would build between unrelated posts) forms an incident with them, or they join the open one
 * they resemble or share a topic with (on the topic alone only if they arrived at about its pace), so one
 * outage in four languages is one incident; a group about the queue that reads alike joins the hottest storm at its pace. A post that recent
 * posts outside incidents explain clearly better than the incident does stays out: it is everyday traffic
 * that happens to share a word with the storm. Two open incidents whose centroids have converged, or that are in
 * full swing on one topic at one pace, are one storm told two ways (they formed from different wordings or
 * languages): the smaller one's later posts go to the larger.
 * Kept in memory and rebuilt from the database at start.
 * Not thread-safe: its owner serialises calls.
 */
final class StormWatch {

    /**
     * One triaged complaint, as the detector sees it: {@code topics} the ones it is about (the clear one, or the candidates),
     * {@code touched} every one its words name. Only the shown topics are stored: a post read back from the database (after a
     * restart, a reload, or placed by another instance) touches just those, so a loose post from before a restart that names
     * the storm's topic only on the side still bears the penalty for another topic when it is swept.
     */
    record Post(UUID id, String language, Signature signature, List<String> topics, String thread, String externalId,
                String parentExternalId, Instant at, List<String> touched) {

        Post(UUID id, String language, Signature signature, List<String> topics, String thread, String externalId,
             String parentExternalId, Instant at) {
            this(id, language, signature, topics, thread, externalId, parentExternalId, at, topics);
        }
    }

    sealed interface Verdict permits Joins, Forms, Alone {
    }

    /** The post belongs to this open incident. */
    record Joins(UUID incidentId) implements Verdict {
    }

    /** These posts (the new one last) are one grievance and no open incident is theirs: an incident forms. */
    record Forms(List<Post> members) implements Verdict {
    }

    record Alone() implements Verdict {
    }

    record Settings(int minSize, Duration window, double join, double link) {
        static final double JOIN = 0.22;
        static final double LINK = 0.30;
    }

    private static final double THREAD = 0.25;
    /** Complaints on one topic at this many times their usual rate are a storm, however varied their words. */
    private static final double SURGE = 3.0;
    static final Duration BASELINE = Duration.ofDays(1);
    static final int TOPIC_HISTORY = 50_000;
    /** A post with this many telling words or fewer, and no topic, cannot be compared by its words. */
    private static final int SAYS_LITTLE = 2;
    private static final double TOPIC = 0.10;
    /** A language's own centroid is used once it has this many members. */
    private static final int LANGUAGE_MEMBERS = 3;
    /** Words of time: evidence that posts belong together, but no title ("siden i morges"). */
    private static final Set<String> WHEN = Set.of("siden", "sidan", "sedan", "since", "morges", "morse", "morgen", "morning", "today",
            "idag", "kveld", "kvell", "aftes", "kvall", "night", "timer", "timar", "hours", "dagen", "hele");

    /** How many of an incident's latest members a new post is compared with. */
    private static final int NEIGHBOURS = 300;
    /** How many of the closest members are averaged: one look-alike is chance, a few are a pattern. */
    private static final int CLOSEST = 2;
    /** How many recent posts outside incidents are kept as candidates; as many recent complaints make the vocabulary. */
    private static final int LOOSE_MAX = 5_000;
    /** Everyday traffic explains a post this much better (mean cosine of its closest loose posts) than the incident: it stays out. */
    private static final double EVERYDAY = 0.10;
    /** How many of a post's closest loose posts are looked at to find those the incident would not take. */
    private static final int EVERYDAY_CANDIDATES = 6;
    /** Two open incidents whose centroids are this close are one storm: the smaller one's later posts go to the larger. */
    private static final double CONVERGED = 0.30;
    /** Sharing a topic is not enough to join a group to an incident whose words it does not share at all (in a language it speaks). */
    private static final double SOME_WORDS = 0.05;
    /** A group whose summed words are this close to the incident's reads like its members do (most join above 0.2). */
    private static final double WORDS_MEET = 0.15;
    /** A group that took this many times longer to arrive than as many of the incident's members did is everyday traffic on its topic. */
    private static final double PACE = 8;
    /** The queue is one of a storm's wordings: its complaints arrive at a fraction of the storm's pace, everyday ones far slower. */
    private static final double QUEUE_PACE = 16;
    /** The topic of reaching us (the queue, the phone, no answer): in a storm, what the storm's customers complain of next. */
    static final String CONTACT = "customer-service";
    /** Arrival times are to the second or so: a shorter span says nothing about pace. */
    private static final Duration MIN_SPAN = Duration.ofSeconds(1);

    private final Settings settings;
    private final Map<UUID, Group> open = new LinkedHashMap<>();
    private final Deque<Loose> loose = new ArrayDeque<>();
    /** The recent complaints (the window, at most {@link #LOOSE_MAX}) and how many of them use each term: the IDF. */
    private final Deque<Post> recentPosts = new ArrayDeque<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    /** When complaints on each topic arrived, a day back: the usual rate a surge is measured against. */
    private final Map<String, Deque<Instant>> topicArrivals = new HashMap<>();
    /** Posts already offered (placing is idempotent: the same complaint may be offered on arrival and by its worker). */
    private final Set<UUID> offered = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > 100_000;
        }
    });

    StormWatch(Settings settings) {
        this.settings = settings;
    }

    /** An open incident as the detector knows it: where its members are, what they say. */
    private static final class Group {
        final UUID id;
        final Map<String, Double> all = new HashMap<>();
        final Map<String, Map<String, Double>> byLanguage = new HashMap<>();
        final Map<String, Integer> languageMembers = new HashMap<>();
        final Map<String, Integer> topics = new HashMap<>();
        final Set<String> threads = new HashSet<>();
        final Set<String> externalIds = new HashSet<>();
        final Map<String, String> words = new HashMap<>();
        /** The latest members' vectors: a post that reads like some of them belongs, however varied the storm. */
        final Deque<Map<String, Double>> recent = new ArrayDeque<>();
        /** When the latest members arrived: how hot the incident is now. */
        final Deque<Instant> arrivals = new ArrayDeque<>();
        int members;

        Group(UUID id) {
            this.id = id;
        }

        void add(Post p, Map<String, Double> vector) {
            add(all, vector);
            add(byLanguage.computeIfAbsent(p.language(), l -> new HashMap<>()), vector);
            languageMembers.merge(p.language(), 1, Integer::sum);
            p.topics().forEach(t -> topics.merge(t, 1, Integer::sum));
            p.signature().words().forEach(words::putIfAbsent);
            if (p.thread() != null) {
                threads.add(p.thread());
            }
            if (externalIds.size() < 100_000) {
                externalIds.add(p.externalId());
            }
            recent.addLast(vector);
            if (recent.size() > NEIGHBOURS) {
                recent.removeFirst();
            }
            arrivals.addLast(p.at());
            if (arrivals.size() > NEIGHBOURS) {
                arrivals.removeFirst();
            }
            members++;
        }

        /** Takes over another incident's words, topics and threads: later posts of the same storm come here. */
        void absorb(Group o) {
            add(all, o.all);
            o.byLanguage.forEach((l, v) -> add(byLanguage.computeIfAbsent(l, x -> new HashMap<>()), v));
            o.languageMembers.forEach((l, n) -> languageMembers.merge(l, n, Integer::sum));
            o.topics.forEach((t, n) -> topics.merge(t, n, Integer::sum));
            threads.addAll(o.threads);
            externalIds.addAll(o.externalIds);
            o.words.forEach(words::putIfAbsent);
            recent.addAll(o.recent);
            while (recent.size() > NEIGHBOURS) {
                recent.removeFirst();
            }
            arrivals.addAll(o.arrivals);
            List<Instant> sorted = new ArrayList<>(arrivals);
            Collections.sort(sorted);
            arrivals.clear();
            arrivals.addAll(sorted.subList(Math.max(0, sorted.size() - NEIGHBOURS), sorted.size()));
            members += o.members;
        }

        /** Members that arrived within the window before this moment. */
        int arrivedSince(Instant since) {
            int n = 0;
            for (Iterator<Instant> it = arrivals.descendingIterator(); it.hasNext(); ) {
                if (it.next().isBefore(since)) {
                    break;
                }
                n++;
            }
            return n;
        }

        private static void add(Map<String, Double> into, Map<String, Double> v) {
            v.forEach((t, w) -> into.merge(t, w, Double::sum));
        }

        /** The topic most members share, if any. */
        String topTopic() {
            return topics.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }

        /** The topics most members share: at least a third of them. */
        Set<String> mainTopics() {
            Set<String> main = new HashSet<>();
            topics.forEach((t, n) -> {
                if (n * 3 >= members) {
                    main.add(t);
                }
            });
            return main;
        }
    }

    /** A recent post outside any incident. */
    private static final class Loose {
        final Post post;
        final Map<String, Double> vector;

        Loose(Post post, Map<String, Double> vector) {
            this.post = post;
            this.vector = vector;
        }
    }

    /** Whether this complaint was offered before. */
    boolean seen(UUID id) {
        return offered.contains(id);
    }

    /** Decides where a new complaint belongs. A post that joins or forms is not kept as loose. */
    Verdict offer(Post p) {
        offered.add(p.id());
        expire(p.at());
        counted(p);
        arrived(p.topics(), p.at());
        Map<String, Double> vector = weigh(p.signature());
        Optional<Group> best = vector.isEmpty() ? Optional.empty() : bestGroup(p, vector);
        if (best.isEmpty() && (vector.isEmpty() || saysLittle(p))) {
            // "Igjen???", "AFVIST. IGJEN.": too few words to compare; while a storm rages, that is what it is about.
            best = hottest(p.at());
        }
        if (best.isPresent()) {
            best.get().add(p, vector);
            absorbConverged(best.get());
            return new Joins(best.get().id);
        }
        if (vector.isEmpty()) {
            return new Alone();
        }
        Loose added = new Loose(p, vector);
        // Linked to those it resembles directly (not through a chain: generic words would chain unrelated posts).
        List<Loose> neighbours = new ArrayList<>();
        for (Loose other : loose) {
            if (score(p, vector, other.post, other.vector) >= settings.link()) {
                neighbours.add(other);
            }
        }
        remember(added);
        if (neighbours.size() + 1 >= settings.minSize()) {
            List<Post> members = new ArrayList<>(neighbours.stream().map(l -> l.post).toList());
            members.add(p);
            return new Forms(members);
        }
        return surge(p).<Verdict>map(Forms::new).orElse(new Alone());
    }

    /**
     * The posts outside incidents on one of this post's topics within the window, if complaints on that topic
     * now arrive well above their usual rate: a storm told in words too varied to match ("Kortet ble avvist",
     * "Vipps virker ikke", "Får ikke betalt") still shows as a jump in one topic. The usual rate is that of the
     * day before the window; with less history than that, min-size posts within the window are a jump.
     */
    private Optional<List<Post>> surge(Post p) {
        Instant since = p.at().minus(settings.window());
        for (String topic : p.topics()) {
            Deque<Instant> history = topicArrivals.getOrDefault(topic, new ArrayDeque<>());
            int recent = 0;
            int before = 0;
            for (Instant at : history) {
                if (at.isBefore(since)) {
                    before++;
                } else {
                    recent++;
                }
            }
            double windowsBefore = history.isEmpty() || !history.peekFirst().isBefore(since) ? 0
                    : (double) Duration.between(history.peekFirst(), since).toMillis() / settings.window().toMillis();
            double usual = windowsBefore >= 1 ? before / windowsBefore : 0;
            if (recent < settings.minSize() || recent < SURGE * usual) {
                continue;
            }
            List<Post> members = new ArrayList<>();
            for (Loose l : loose) {
                if (l.post.topics().contains(topic) && !l.post.at().isBefore(since)) {
                    members.add(l.post);
                }
            }
            if (members.size() >= settings.minSize()) {
                return Optional.of(members);
            }
        }
        return Optional.empty();
    }

    /** A complaint on these topics arrived then, counted towards their usual rate a day back (also one from before a restart, oldest first). */
    void arrived(List<String> topics, Instant at) {
        Instant horizon = at.minus(BASELINE);
        for (String topic : topics) {
            Deque<Instant> history = topicArrivals.computeIfAbsent(topic, t -> new ArrayDeque<>());
            history.addLast(at);
            while (!history.isEmpty() && (history.peekFirst().isBefore(horizon) || history.size() > TOPIC_HISTORY)) {
                history.removeFirst();
            }
        }
    }

    /**
     * The open incident these posts belong to, if one is: its words resemble theirs, or it is about
     * the same topic (one outage is one incident, whatever the languages).
     */
    Optional<UUID> sameTopic(List<Post> posts) {
        Map<String, Integer> counts = new HashMap<>();
        posts.forEach(p -> p.topics().forEach(t -> counts.merge(t, 1, Integer::sum)));
        Set<String> main = new HashSet<>();
        counts.forEach((t, n) -> {
            if (n * 2 >= posts.size()) {
                main.add(t);
            }
        });
        Group best = null;
        double bestScore = 0;
        for (Group g : open.values()) {
            // The share of the new group's posts that would have joined this incident on their own; none is
            // needed when both are about the same topic above all (another language shares fewer words; a side
            // topic such as "store" is not enough). While the incident is hot, a group that names the incident's
            // main topic and no main topic of its own that the incident lacks is the same storm.
            Set<String> incidentMain = g.mainTopics();
            boolean names = counts.keySet().stream().anyMatch(incidentMain::contains);
            Instant now = posts.get(posts.size() - 1).at();
            boolean inFullSwing = hot(g, now);
            // While a storm rages the queue overflows: a group about reaching us ("Satt i kø i 40 minutter") that names no
            // topic but the storm's, and tells one experience alike, is the hottest incident's if it arrives at about its pace
            // (checked below; pace measured over at least twice as many members as the group has).
            boolean queue = inFullSwing && main.contains(CONTACT)
                    && counts.keySet().stream().allMatch(t -> t.equals(CONTACT) || incidentMain.contains(t))
                    && hottest(now).filter(h -> h == g).isPresent() && g.arrivals.size() >= 2 * posts.size() && readAlike(posts);
            // A group with a side topic of its own ("kundeservice svarer ikke" in an outage) is the same storm too while
            // it is hot, if together its words meet the incident's as a member's do and nearly all its posts share some of them.
            double needed = main.contains(g.topTopic()) ? 0.0
                    : names && inFullSwing && (incidentMain.containsAll(main) || wordsMeet(posts, g)) ? 0.0
                    : queue ? 0.0
                    : 0.5;
            // A group in a language the incident does not speak yet shares no words with it by nature: the topic and pace decide.
            if (needed == 0.0 && !queue && cosine(together(posts), g.all) < SOME_WORDS && !newLanguage(posts, g)) {
                needed = 0.5;
            }
            // Everyday complaints on the storm's topic ("a bill for something I cancelled") trickle in at their usual pace,
            // while another wording of the storm arrives with it: a slow group joins on its words, not on the topic.
            if (needed == 0.0 && slowerThan(posts, g, queue ? QUEUE_PACE : PACE)) {
                needed = 0.5;
            }
            int would = 0;
            for (Post p : posts) {
                if (score(p, weigh(p.signature()), g) >= settings.join()) {
                    would++;
                }
            }
            double share = (double) would / posts.size();
            if (share >= needed && (best == null || share > bestScore)) {
                best = g;
                bestScore = share;
            }
        }
        return Optional.ofNullable(best).map(g -> g.id);
    }

    /**
     * Whether these posts arrived more than {@value #PACE} times slower than the incident's members do (its latest
     * members, up to the group's last post): measured against the incident's own pace, so a storm of 15 posts a second
     * and one of 30 an hour are judged alike.
     */
    private static boolean slowerThan(List<Post> posts, Group g, double pace) {
        if (g.arrivals.size() < Math.max(2, posts.size())) {
            return false;
        }
        Instant first = posts.stream().map(Post::at).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = posts.stream().map(Post::at).max(Comparator.naturalOrder()).orElseThrow();
        Instant now = g.arrivals.peekLast().isAfter(last) ? g.arrivals.peekLast() : last;
        double perMember = (double) Duration.between(g.arrivals.peekFirst(), now).toMillis() / (g.arrivals.size() - 1);
        double expected = Math.max(MIN_SPAN.toMillis(), perMember * (posts.size() - 1));
        return Duration.between(first, last).toMillis() > pace * expected;
    }

    /** Whether most of the group writes in a language the incident has too few members in to have words of its own. */
    private static boolean newLanguage(List<Post> posts, Group g) {
        Map<String, Integer> languages = new HashMap<>();
        posts.forEach(p -> languages.merge(p.language(), 1, Integer::sum));
        String language = languages.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
        return languages.get(language) * 2 > posts.size() && g.languageMembers.getOrDefault(language, 0) < LANGUAGE_MEMBERS;
    }

    /** Registers an incident formed (or grown) from these posts: they leave the loose pool and make its centroid. */
    void placed(UUID incidentId, Collection<Post> members) {
        Group g = open.computeIfAbsent(incidentId, Group::new);
        for (Post p : members) {
            if (offered.add(p.id())) {
                counted(p); // known from before a restart
            }
        }
        Set<UUID> ids = new HashSet<>();
        for (Post p : members) {
            ids.add(p.id());
        }
        for (Iterator<Loose> it = loose.iterator(); it.hasNext(); ) {
            Loose l = it.next();
            if (ids.remove(l.post.id())) {
                g.add(l.post, l.vector);
                it.remove();
            }
        }
        // Members the pool never held (a restart, a post that joined directly).
        for (Post p : members) {
            if (ids.contains(p.id())) {
                g.add(p, weigh(p.signature()));
            }
        }
    }

    /** The loose posts that now belong to this incident (after it formed or grew): they are moved into it. */
    List<Post> sweep(UUID incidentId) {
        Group g = open.get(incidentId);
        if (g == null) {
            return List.of();
        }
        List<Post> joined = new ArrayList<>();
        for (Iterator<Loose> it = loose.iterator(); it.hasNext(); ) {
            Loose l = it.next();
            if (score(l.post, l.vector, g) >= settings.join()) {
                g.add(l.post, l.vector);
                joined.add(l.post);
                it.remove();
            }
        }
        return joined;
    }

    /** The incident is resolved: later posts about it start afresh. */
    void closed(UUID incidentId) {
        open.remove(incidentId);
    }

    /** A post the detector knew before a restart, outside any incident. */
    void rememberLoose(Post p) {
        offered.add(p.id());
        counted(p);
        arrived(p.topics(), p.at());
        Map<String, Double> vector = weigh(p.signature());
        if (!vector.isEmpty()) {
            remember(new Loose(p, vector));
        }
    }

    /** The incident's most telling words, for a title: the heaviest terms of its centroid. */
    List<String> keywords(UUID incidentId, int n) {
        Group g = open.get(incidentId);
        if (g == null) {
            return List.of();
        }
        return g.all.entrySet().stream().filter(e -> g.words.containsKey(e.getKey()) && !WHEN.contains(g.words.get(e.getKey())))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                .map(e -> g.words.get(e.getKey())).toList();
    }

    /** A post with no topic and at most two telling words: nothing to compare with, only its moment. */
    private static boolean saysLittle(Post p) {
        return p.topics().isEmpty() && p.signature().terms().size() <= SAYS_LITTLE;
    }

    /** Whether the incident is in full swing: at least min-size members arrived within the window before now. */
    private boolean hot(Group g, Instant now) {
        return g.arrivedSince(now.minus(settings.window())) >= settings.minSize();
    }

    /** The open incident with the most members within the window, if it is hot. */
    private Optional<Group> hottest(Instant now) {
        Instant since = now.minus(settings.window());
        return open.values().stream().filter(g -> hot(g, now)).max(Comparator.comparingInt(g -> g.arrivedSince(since)));
    }

    private Optional<Group> bestGroup(Post p, Map<String, Double> vector) {
        Group best = null;
        double bestScore = settings.join();
        for (Group g : open.values()) {
            double s = score(p, vector, g);
            if (s >= bestScore) {
                best = g;
                bestScore = s;
            }
        }
        if (best != null && !threaded(p, best) && everyday(p, vector, best) > evidence(p, vector, best) + EVERYDAY) {
            return Optional.empty();
        }
        return Optional.ofNullable(best);
    }

    /** How much the post reads like the incident: like its centroid, or like a few of its members. */
    private double evidence(Post p, Map<String, Double> vector, Group g) {
        return Math.max(cosine(vector, centroid(p, g)), closest(vector, g));
    }

    private static boolean threaded(Post p, Group g) {
        return (p.thread() != null && g.threads.contains(p.thread()))
                || (p.parentExternalId() != null && g.externalIds.contains(p.parentExternalId()));
    }

    private static Map<String, Double> centroid(Post p, Group g) {
        return g.languageMembers.getOrDefault(p.language(), 0) >= LANGUAGE_MEMBERS ? g.byLanguage.get(p.language()) : g.all;
    }

    /** An agent merged one open incident into another: its words, topics and threads are the other's now. */
    void merged(UUID fromId, UUID intoId) {
        Group from = open.remove(fromId);
        Group into = open.get(intoId);
        if (from != null && into != null) {
            into.absorb(from);
        }
    }

    /** The other open incidents whose words have converged with this one's, if smaller, become part of it here. */
    private void absorbConverged(Group g) {
        for (Iterator<Group> it = open.values().iterator(); it.hasNext(); ) {
            Group o = it.next();
            if (o != g && o.members <= g.members && (cosine(g.all, o.all) >= CONVERGED || sameStorm(o, g))) {
                g.absorb(o);
                it.remove();
            }
        }
    }

    /**
     * Whether a smaller open incident is the same storm told another way: both are in full swing on the same main topic, and
     * the smaller one's members arrive at about the larger one's pace (within {@value #PACE} times as long per member).
     * Everyday traffic on the topic that gathered into an incident of its own trickles in far slower.
     */
    private boolean sameStorm(Group smaller, Group larger) {
        Instant now = larger.arrivals.peekLast();
        if (now == null || smaller.topTopic() == null || !smaller.topTopic().equals(larger.topTopic()) || !hot(smaller, now) || !hot(larger, now)) {
            return false;
        }
        return perMember(smaller) <= PACE * Math.max(MIN_SPAN.toMillis(), perMember(larger));
    }

    /** The time between the incident's latest members, on average. */
    private static double perMember(Group g) {
        return g.arrivals.size() < 2 ? Double.MAX_VALUE
                : (double) Duration.between(g.arrivals.peekFirst(), g.arrivals.peekLast()).toMillis() / (g.arrivals.size() - 1);
    }

    /**
     * Whether these posts together read like the incident's members, and nearly all of them (three in four) share some of
     * its words: a group linked through a shared topic mixes in posts that share none.
     */
    private boolean wordsMeet(List<Post> posts, Group g) {
        if (cosine(together(posts), g.all) < WORDS_MEET) {
            return false;
        }
        long sharing = posts.stream().filter(p -> cosine(weigh(p.signature()), g.all) >= SOME_WORDS).count();
        return sharing * 4 >= posts.size() * 3;
    }

    /**
     * Whether nearly all (three in four) of these posts read like another of them as closely as two posts must to link: one
     * experience told alike. A jump in complaints about the queue gathers everyday ones ("sent three e-mails") with the storm's.
     */
    private boolean readAlike(List<Post> posts) {
        List<Map<String, Double>> vectors = posts.stream().map(p -> weigh(p.signature())).toList();
        int alike = 0;
        for (int i = 0; i < posts.size(); i++) {
            for (int j = 0; j < posts.size(); j++) {
                if (i != j && score(posts.get(i), vectors.get(i), posts.get(j), vectors.get(j)) >= settings.link()) {
                    alike++;
                    break;
                }
            }
        }
        return alike * 4 >= posts.size() * 3;
    }

    private Map<String, Double> together(List<Post> posts) {
        Map<String, Double> sum = new HashMap<>();
        posts.forEach(p -> weigh(p.signature()).forEach((t, w) -> sum.merge(t, w, Double::sum)));
        return sum;
    }

    private double score(Post p, Map<String, Double> vector, Group g) {
        // Close to the whole (the centroid), or as close to a few members as two posts must be to link.
        double s = Math.max(cosine(vector, centroid(p, g)), closest(vector, g) - (settings.link() - settings.join()));
        if (threaded(p, g)) {
            s += THREAD;
        }
        // About one of the incident's main topics: evidence. About another, while naming one of them on the side ("Har ringt
        // kundeservice i en time om kortet som ble avvist" is about reaching us, told of a card storm): no evidence either way.
        // The queue is no evidence for a storm, even as one of its main topics: every storm's customers complain of it next, and
        // so do everyday ones ("Sent 3 emails to customer service"): a post about the queue alone joins on its words, against the
        // penalty for another topic.
        Set<String> main = g.mainTopics();
        if (!p.topics().isEmpty() && !main.isEmpty()) {
            main.remove(CONTACT);
            s += p.topics().stream().anyMatch(main::contains) ? TOPIC / 2 : p.touched().stream().anyMatch(main::contains) ? 0 : -TOPIC;
        }
        return s;
    }

    /**
     * The mean cosine of the post to its {@value #CLOSEST} most similar loose posts that do not read firmly like the
     * incident (itself excepted): how well everyday traffic explains it. A loose post that reads like the incident as
     * closely as two posts must to link is no everyday traffic (a member missed, or one from before the incident formed).
     */
    private double everyday(Post p, Map<String, Double> vector, Group g) {
        List<Loose> nearest = new ArrayList<>();
        List<Double> cosines = new ArrayList<>();
        for (Loose l : loose) {
            if (l.post.id().equals(p.id())) {
                continue;
            }
            double c = cosine(vector, l.vector);
            int i = cosines.size();
            while (i > 0 && cosines.get(i - 1) < c) {
                i--;
            }
            if (i < EVERYDAY_CANDIDATES) {
                nearest.add(i, l);
                cosines.add(i, c);
                if (nearest.size() > EVERYDAY_CANDIDATES) {
                    nearest.remove(EVERYDAY_CANDIDATES);
                    cosines.remove(EVERYDAY_CANDIDATES);
                }
            }
        }
        double sum = 0;
        int n = 0;
        for (int i = 0; i < nearest.size() && n < CLOSEST; i++) {
            // A look-alike the incident would take only as narrowly as this post is no proof that they belong: everyday
            // traffic sharing a word with the storm is taken just as narrowly, and excusing it let its whole kind in.
            if (evidence(nearest.get(i).post, nearest.get(i).vector, g) < settings.link()) {
                sum += cosines.get(i);
                n++;
            }
        }
        return sum / CLOSEST;
    }

    /** The mean cosine of the post to the incident's {@value #CLOSEST} most similar recent members. */
    private static double closest(Map<String, Double> vector, Group g) {
        return closest(vector, g.recent);
    }

    private static double closest(Map<String, Double> vector, Collection<Map<String, Double>> candidates) {
        double[] best = new double[CLOSEST];
        for (Map<String, Double> m : candidates) {
            double c = cosine(vector, m);
            for (int i = 0; i < CLOSEST; i++) {
                if (c > best[i]) {
                    System.arraycopy(best, i, best, i + 1, CLOSEST - i - 1);
                    best[i] = c;
                    break;
                }
            }
        }
        double sum = 0;
        for (double b : best) {
            sum += b;
        }
        return sum / CLOSEST;
    }

    private static double score(Post a, Map<String, Double> va, Post b, Map<String, Double> vb) {
        double s = cosine(va, vb);
        if ((a.thread() != null && a.thread().equals(b.thread())) || b.externalId().equals(a.parentExternalId())
                || a.externalId().equals(b.parentExternalId())) {
            s += THREAD;
        }
        if (a.topics().stream().anyMatch(b.topics()::contains)) {
            s += TOPIC / 2;
        }
        return s;
    }

    /** TF-IDF weights, normalised; the IDF from the recent complaints with smoothing. */
    private Map<String, Double> weigh(Signature s) {
        Map<String, Double> v = new HashMap<>();
        double n = recentPosts.size() + 20;
        s.terms().forEach((t, tf) -> v.put(t, tf * Math.log(n / (documentFrequency.getOrDefault(t, 0) + 1))));
        double norm = Math.sqrt(v.values().stream().mapToDouble(w -> w * w).sum());
        if (norm > 0) {
            v.replaceAll((t, w) -> w / norm);
        }
        return v;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double w = large.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        return dot == 0 ? 0 : dot / Math.sqrt(squares(a) * squares(b));
    }

    private static double squares(Map<String, Double> v) {
        double sum = 0;
        for (double w : v.values()) {
            sum += w * w;
        }
        return sum;
    }

    private void remember(Loose l) {
        loose.addLast(l);
        while (loose.size() > LOOSE_MAX) {
            loose.removeFirst();
        }
    }

    /** The complaint counts towards the vocabulary of the window. */
    private void counted(Post p) {
        recentPosts.addLast(p);
        p.signature().terms().keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        while (recentPosts.size() > LOOSE_MAX) {
            uncount(recentPosts.removeFirst());
        }
    }

    private void uncount(Post p) {
        p.signature().terms().keySet().forEach(t -> documentFrequency.computeIfPresent(t, (k, n) -> n > 1 ? n - 1 : null));
    }

    private void expire(Instant now) {
        Instant cutoff = now.minus(settings.window());
        while (!loose.isEmpty() && loose.peekFirst().post.at().isBefore(cutoff)) {
            loose.removeFirst();
        }
        while (!recentPosts.isEmpty() && recentPosts.peekFirst().at().isBefore(cutoff)) {
            uncount(recentPosts.removeFirst());
        }
    }
}
