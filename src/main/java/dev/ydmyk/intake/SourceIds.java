package dev.ydmyk.intake;

import java.util.Optional;

/**
 * A source's word on which of its ids it can answer at, asked at intake so that a complaint that
 * could never be answered at its source is refused rather than stored (implemented by the sources).
 */
public interface SourceIds {

    /** Why a complaint from {@code source} with this id could never be answered there; empty if it can, or if not ours to say. */
    Optional<String> refuses(String source, String externalId);
}
