package dev.ydmyk.tone;

import java.util.List;

/**
 * What the tone check read in a reply: which of the moves it makes (acknowledge, apologise, fix,
 * report-back, thanks) and what is wrong with it.
 */
public record ToneReport(List<String> moves, List<Finding> findings) {

    public boolean clean() {
        return findings.isEmpty();
    }

    public boolean has(String move) {
        return moves.contains(move);
    }
}
