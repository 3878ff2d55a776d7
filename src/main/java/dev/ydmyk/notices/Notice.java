package dev.ydmyk.notices;

import java.util.List;

/** Something every agent in the channels should read: the morning digest, a warning, a reminder. */
public record Notice(String kind, String title, List<String> lines) {
}
