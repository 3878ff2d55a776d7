package dev.ydmyk.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Picks where a reply goes by the complaint's source: a source's own publisher if one takes it, else the recording default. */
@ApplicationScoped
public class Publishers {

    private final Instance<Publisher> all;
    private final RecordingPublisher recording;

    public Publishers(Instance<Publisher> all, RecordingPublisher recording) {
        this.all = all;
        this.recording = recording;
    }

    public Publisher forSource(String source) {
        for (Publisher p : all) {
            if (!(p instanceof RecordingPublisher) && p.handles(source)) {
                return p;
            }
        }
        return recording;
    }
}
