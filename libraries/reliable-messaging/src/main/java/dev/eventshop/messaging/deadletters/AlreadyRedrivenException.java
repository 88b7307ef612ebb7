package dev.eventshop.messaging.deadletters;

/** A dead letter redriven before: a second redrive is refused unless forced, so nobody does it twice by mistake. */
public class AlreadyRedrivenException extends RuntimeException {

    private final Redrive previous;

    public AlreadyRedrivenException(Redrive previous) {
        super("Dead letter " + previous.deadLetter() + " was redriven at " + previous.at()
                + "; redrive it again with force=true if that is what you want.");
        this.previous = previous;
    }

    public Redrive previous() {
        return previous;
    }
}
