package dev.eventshop.messaging.deadletters;

/** A dead letter could not be written back for its consumer; the failed attempt is recorded. */
public class RedriveFailedException extends RuntimeException {

    private final Redrive redrive;

    public RedriveFailedException(Redrive redrive) {
        super("Dead letter " + redrive.deadLetter() + " could not be redriven: " + redrive.detail());
        this.redrive = redrive;
    }

    public Redrive redrive() {
        return redrive;
    }
}
