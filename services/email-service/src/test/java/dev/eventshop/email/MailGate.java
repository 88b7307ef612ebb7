package dev.eventshop.email;

import dev.eventshop.email.notification.application.Mailer;
import dev.eventshop.events.OrderId;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Holds the emails about one order at the SMTP server's door until the test lets them through, so that a test can
 * line concurrent senders of the same email up behind the one that got there first. Lets every other email pass.
 */
public final class MailGate {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private volatile @Nullable OrderId held;
    private volatile CountDownLatch arrived = new CountDownLatch(0);
    private volatile CountDownLatch released = new CountDownLatch(0);

    /** From now on, emails about the order wait at the door until {@link #release()}. */
    public void hold(OrderId orderId) {
        arrived = new CountDownLatch(1);
        released = new CountDownLatch(1);
        held = orderId;
    }

    /** Waits until an email about the held order is at the door. */
    public void awaitArrival(Duration timeout) throws InterruptedException {
        if (!arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("no email about " + held + " arrived within " + timeout);
        }
    }

    /** Lets every waiting email through, and the ones that come later. */
    public void release() {
        held = null;
        released.countDown();
    }

    /** A mailer that passes each email through this gate first. */
    Mailer guard(Mailer mailer) {
        return email -> {
            if (email.orderId().equals(held)) {
                arrived.countDown();
                try {
                    if (!released.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("the gate stayed shut for " + LIMIT);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            mailer.send(email);
        };
    }
}
