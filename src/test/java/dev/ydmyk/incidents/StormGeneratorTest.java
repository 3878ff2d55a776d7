package dev.ydmyk.incidents;

import dev.ydmyk.incidents.StormGenerator.Grievance;
import dev.ydmyk.incidents.StormGenerator.Post;
import dev.ydmyk.incidents.StormGenerator.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a test or benchmark replaying a storm relies on. Plain JUnit: no Quarkus. */
class StormGeneratorTest {

    static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    static List<Post> facebookStorm(Grievance g, long seed) {
        return StormGenerator.storm(g).posts(3000).over(TEN_MINUTES).unrelated(1000).seed(seed).build();
    }

    static List<Post> stormPosts(List<Post> posts) {
        return posts.stream().filter(Post::storm).toList();
    }

    @Test
    void countsPerRoleAreWhatWasAskedFor() {
        List<Post> posts = facebookStorm(Grievance.INTERNET_OUTAGE, 1);
        Map<Role, Long> roles = posts.stream().collect(Collectors.groupingBy(Post::role, () -> new EnumMap<>(Role.class),
                Collectors.counting()));
        assertEquals(4000, posts.size());
        assertEquals(3000, roles.get(Role.STORM));
        assertEquals(150, roles.get(Role.PRAISE));
        assertEquals(150, roles.get(Role.QUESTION));
        assertEquals(100, roles.get(Role.SPAM));
        assertEquals(600, roles.get(Role.UNRELATED_COMPLAINT));
        posts.forEach(p -> assertEquals(p.storm() ? Grievance.INTERNET_OUTAGE : null, p.grievance(), p.externalId()));
    }

    @Test
    void offsetsLieWithinTheSpanSortedAndBurstyAtTheStart() {
        List<Post> posts = facebookStorm(Grievance.PAYMENT_FAILURE, 2);
        for (int i = 0; i < posts.size(); i++) {
            Duration o = posts.get(i).offset();
            assertFalse(o.isNegative());
            assertTrue(o.compareTo(TEN_MINUTES) <= 0, o::toString);
            if (i > 0) {
                assertTrue(posts.get(i - 1).offset().compareTo(o) <= 0, "sorted at " + i);
            }
        }
        List<Post> storm = stormPosts(posts);
        long firstHalf = storm.stream().filter(p -> p.offset().compareTo(TEN_MINUTES.dividedBy(2)) < 0).count();
        assertTrue(firstHalf > storm.size() * 0.7, "a storm peaks early: " + firstHalf + " of " + storm.size() + " in the first half");

        List<Post> steady = StormGenerator.storm(Grievance.PAYMENT_FAILURE).posts(9000).over(TEN_MINUTES).steady().seed(2).build();
        long steadyFirstHalf = steady.stream().filter(p -> p.offset().compareTo(TEN_MINUTES.dividedBy(2)) < 0).count();
        assertTrue(Math.abs(steadyFirstHalf - 4500) < 300, "15 posts a second stays even: " + steadyFirstHalf);
    }

    @Test
    void languagesArePresentInRoughlyEqualShares() {
        List<Post> posts = facebookStorm(Grievance.TRAIN_CANCELLED, 3);
        Map<String, Long> storm = stormPosts(posts).stream().collect(Collectors.groupingBy(Post::language, Collectors.counting()));
        assertEquals(Set.of("nb", "da", "sv", "en"), storm.keySet());
        storm.forEach((lang, n) -> assertTrue(Math.abs(n - 750) <= 40, lang + ": " + n));
        Map<String, Long> other = posts.stream().filter(p -> !p.storm())
                .collect(Collectors.groupingBy(Post::language, Collectors.counting()));
        other.forEach((lang, n) -> assertTrue(Math.abs(n - 250) <= 60, lang + ": " + n));

        List<Post> two = StormGenerator.storm(Grievance.TRAIN_CANCELLED).posts(100).languages("sv", "da").unrelated(50).seed(3).build();
        assertEquals(Set.of("sv", "da"), two.stream().map(Post::language).collect(Collectors.toSet()));
    }

    @Test
    void atLeastEightyPercentOfThreeThousandStormTextsAreDistinct() {
        for (Grievance g : Grievance.values()) {
            List<Post> storm = stormPosts(facebookStorm(g, 4));
            long distinct = storm.stream().map(Post::text).distinct().count();
            System.out.println(g + ": " + distinct + " distinct storm texts of " + storm.size());
            assertTrue(distinct >= 2400, g + ": only " + distinct + " distinct texts");
        }
    }

    @Test
    void aboutFifteenPercentOfStormPostsHaveATypoAndNothingElseChanges() {
        List<Post> typed = facebookStorm(Grievance.INTERNET_OUTAGE, 5);
        List<Post> clean = StormGenerator.storm(Grievance.INTERNET_OUTAGE).posts(3000).over(TEN_MINUTES).unrelated(1000).typos(0).seed(5)
                .build();
        assertEquals(typed.size(), clean.size());
        int typos = 0;
        for (int i = 0; i < typed.size(); i++) {
            Post t = typed.get(i);
            Post c = clean.get(i);
            assertEquals(c.externalId(), t.externalId());
            assertEquals(c.offset(), t.offset());
            if (t.storm()) {
                assertEquals(c.authorHandle(), t.authorHandle());
                assertEquals(c.parentExternalId(), t.parentExternalId());
                if (!t.text().equals(c.text())) {
                    typos++;
                }
            }
        }
        assertTrue(typos > 3000 * 0.11 && typos < 3000 * 0.19, typos + " typos in 3000 storm posts");
    }

    @Test
    void someStormPostsShoutAndSomeCarryEmoji() {
        List<Post> storm = stormPosts(facebookStorm(Grievance.INTERNET_OUTAGE, 6));
        long shouting = storm.stream().filter(p -> p.text().length() > 15 && p.text().equals(p.text().toUpperCase())).count();
        long emoji = storm.stream().filter(p -> p.text().contains("😡") || p.text().contains("🤬") || p.text().contains("👎")).count();
        assertTrue(shouting > 60, "all caps: " + shouting);
        assertTrue(emoji > 150, "emoji: " + emoji);
    }

    @Test
    void parentsPointOnlyToEarlierStormPosts() {
        List<Post> posts = facebookStorm(Grievance.PAYMENT_FAILURE, 7);
        Map<String, Integer> stormIndex = new HashMap<>();
        int replies = 0;
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            if (p.storm() && p.parentExternalId() != null) {
                Integer parent = stormIndex.get(p.parentExternalId());
                assertTrue(parent != null && parent < i, p.externalId() + " answers " + p.parentExternalId());
                replies++;
            }
            if (!p.storm()) {
                assertNull(p.parentExternalId());
            }
            if (p.storm()) {
                stormIndex.put(p.externalId(), i);
            }
        }
        assertEquals(300, replies);
        assertEquals(posts.size(), posts.stream().map(Post::externalId).distinct().count());
    }

    @Test
    void underAPostEveryStormPostIsACommentOnItOrAnswersAnEarlierOne() {
        String page = "104020193312_889201";
        List<Post> posts = StormGenerator.storm(Grievance.INTERNET_OUTAGE).posts(3000).over(TEN_MINUTES).unrelated(500)
                .underPost(page).repliesToEachOther(0.2).seed(8).build();
        Set<String> earlier = new HashSet<>();
        int onThePost = 0;
        for (Post p : posts) {
            if (p.storm()) {
                assertTrue(p.externalId().startsWith(page + "_"), p.externalId());
                assertTrue(page.equals(p.parentExternalId()) || earlier.contains(p.parentExternalId()), p.parentExternalId());
                onThePost += page.equals(p.parentExternalId()) ? 1 : 0;
                earlier.add(p.externalId());
            }
        }
        assertEquals(2400, onThePost);
        assertEquals(posts.size(), posts.stream().map(Post::externalId).distinct().count());
    }

    @Test
    void unrelatedTrafficNeverUsesTheGrievancesKeyWords() {
        for (Grievance g : Grievance.values()) {
            List<Post> posts = facebookStorm(g, 9);
            for (Post p : posts) {
                if (!p.storm()) {
                    assertFalse(StormGenerator.mentions(g, p.text()), g + " in " + p.role() + ": " + p.text());
                    for (List<String> words : StormGenerator.KEY_WORDS.get(g).values()) {
                        words.forEach(w -> assertFalse(p.text().toLowerCase().matches("(?s)(^|.*[^\\p{L}\\p{N}])" + w + ".*"), w));
                    }
                }
            }
            long mentioning = stormPosts(posts).stream().filter(p -> StormGenerator.mentions(g, p.text())).count();
            // The key words find most storm posts, not all: a detector must not get away with a word list.
            assertTrue(mentioning > 1500 && mentioning < 3000, g + ": " + mentioning + " storm posts use a key word");
        }
    }

    @Test
    void unrelatedTrafficHasItsOwnVoice() {
        List<Post> posts = facebookStorm(Grievance.TRAIN_CANCELLED, 10);
        Map<Role, Long> distinct = posts.stream().filter(p -> !p.storm()).collect(Collectors.groupingBy(Post::role,
                () -> new EnumMap<>(Role.class), Collectors.mapping(Post::text, Collectors.collectingAndThen(Collectors.toSet(),
                        s -> (long) s.size()))));
        assertTrue(distinct.get(Role.UNRELATED_COMPLAINT) > 300, distinct::toString);
        assertTrue(distinct.get(Role.PRAISE) > 20, distinct::toString);
        assertTrue(distinct.get(Role.QUESTION) > 20, distinct::toString);
        assertTrue(distinct.get(Role.SPAM) > 15, distinct::toString);
    }

    @Test
    void aFewCustomersPostTwiceAndHandlesOtherwiseBelongToOnePerson() {
        List<Post> posts = facebookStorm(Grievance.INTERNET_OUTAGE, 11);
        Map<String, Post> byHandle = new HashMap<>();
        int second = 0;
        for (Post p : posts) {
            Post first = byHandle.putIfAbsent(p.authorHandle(), p);
            if (first != null) {
                assertTrue(p.storm() && first.storm(), p.authorHandle());
                assertEquals(first.authorName(), p.authorName());
                assertEquals(first.language(), p.language());
                second++;
            }
            assertTrue(p.authorHandle().matches("[a-z0-9._]+"), p.authorHandle());
            assertTrue(p.authorName().contains(" "), p.authorName());
        }
        assertEquals(90, second);
    }

    @Test
    void theSameSeedGivesTheSameStorm() {
        assertEquals(facebookStorm(Grievance.TRAIN_CANCELLED, 12), facebookStorm(Grievance.TRAIN_CANCELLED, 12));
        assertNotEquals(facebookStorm(Grievance.TRAIN_CANCELLED, 12), facebookStorm(Grievance.TRAIN_CANCELLED, 13));
    }

    @Test
    void apiBodyIsWhatPostApiComplaintsTakes() {
        List<Post> posts = StormGenerator.storm(Grievance.INTERNET_OUTAGE).posts(50).underPost("1_2").seed(14).build();
        Post first = posts.get(0);
        Map<String, Object> body = first.apiBody("facebook");
        assertEquals(List.of("source", "externalId", "author", "text", "language", "parentExternalId"), List.copyOf(body.keySet()));
        assertEquals("facebook", body.get("source"));
        assertEquals(Map.of("name", first.authorName(), "handle", first.authorHandle()), body.get("author"));
        assertEquals("1_2", body.get("parentExternalId"));

        Post loose = StormGenerator.storm(Grievance.INTERNET_OUTAGE).posts(1).seed(14).build().get(0);
        assertFalse(loose.apiBody("facebook").containsKey("parentExternalId"));
        assertTrue(loose.externalId().startsWith("storm-14-"), loose.externalId());
    }

    @Test
    void refusesWhatItCannotGenerate() {
        assertThrows(IllegalArgumentException.class, () -> StormGenerator.storm(Grievance.INTERNET_OUTAGE).languages("de"));
        assertThrows(IllegalArgumentException.class, () -> StormGenerator.storm(Grievance.INTERNET_OUTAGE).over(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> StormGenerator.storm(Grievance.INTERNET_OUTAGE).repliesToEachOther(1.5));
        assertThrows(IllegalArgumentException.class, () -> StormGenerator.storm(Grievance.INTERNET_OUTAGE).posts(-1));
    }
}
