package dev.ydmyk.publishing;

import java.time.Duration;

/** Not a failure: the place we publish to asks us to wait (rate limits, a paused token), and certainly published nothing. */
public class PublishLater extends Exception {

    private final Duration delay;

    public PublishLater(Duration delay, String why) {
        super(why);
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }
}
