package dev.eventshop.messaging;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;

/** Relay producers that misbehave on purpose: each wraps a real producer and changes what {@code send} does. */
final class FaultyProducers {

    private FaultyProducers() {
    }

    /** Its first send throws {@code error}, as a bug deep inside the relay would; later sends work. */
    static Producer<String, byte[]> throwingOnFirstSend(Producer<String, byte[]> real, Error error) {
        AtomicBoolean thrown = new AtomicBoolean();
        return wrap(real, () -> {
            if (thrown.compareAndSet(false, true)) {
                throw error;
            }
        });
    }

    /** Each send blocks until {@code release} opens, after counting down {@code sending}: a relay stuck mid-batch. */
    static Producer<String, byte[]> blockingSends(Producer<String, byte[]> real, CountDownLatch sending,
            CountDownLatch release) {
        return wrap(real, () -> {
            sending.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Producer<String, byte[]> wrap(Producer<String, byte[]> real, Runnable beforeSend) {
        return (Producer<String, byte[]>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
                new Class<?>[] {Producer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send")) {
                        beforeSend.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
