package dev.ydmyk.publishing;

/** A failure that no retry will mend (an id the platform cannot have, a refused request): the message is marked failed at once. */
public class CannotPublish extends Exception {

    public CannotPublish(String why) {
        super(why);
    }
}
