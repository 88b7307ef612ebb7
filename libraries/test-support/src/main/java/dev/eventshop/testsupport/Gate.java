package dev.eventshop.testsupport;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Holds one thread of the service under test at a hook until the test opens the gate, so that work stays in flight for
 * exactly as long as the test needs, with no sleeping. Both sides wait a bounded time: a test that fails never leaves a
 * thread of the service held.
 *
 * @param <T> what the held thread hands the test, such as the command it was about to carry out
 */
public final class Gate<T> {

    private final Duration timeout;
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile @Nullable T handedOver;

    public Gate(Duration timeout) {
        this.timeout = timeout;
    }

    /** On the service's thread: hands something over, and waits (bounded) until the test opens the gate. */
    public void holdHere(T handedOver) {
        this.handedOver = handedOver;
        arrived.countDown();
        try {
            if (!opened.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (bounded) until a thread is held here, and returns what it handed over. */
    public T awaitArrival() throws InterruptedException {
        if (!arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("nothing reached the gate within " + timeout);
        }
        return Objects.requireNonNull(handedOver, "the held thread handed over nothing");
    }

    public void open() {
        opened.countDown();
    }
}
