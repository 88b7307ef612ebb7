package dev.eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void reads_the_cpu_time_a_busy_process_spent_from_proc() {
        assumeTrue(ProcessCpu.available(), "/proc is Linux's");
        List<ProcessCpu.Watched> self = List.of(
                new ProcessCpu.Watched("this JVM", ProcessHandle.current().pid(), ProcessCpu.Scope.SELF));
        long before = ProcessCpu.millis(self).get("this JVM");
        assertThat(spinFor(300)).isPositive();
        long after = ProcessCpu.millis(self).get("this JVM");
        // /proc counts in ticks of 10 ms.
        assertThat(after - before).isGreaterThanOrEqualTo(280);
    }

    @Test
    void counts_a_threads_cpu_under_its_name_with_numbers_as_hash() throws Exception {
        assumeTrue(ProcessCpu.available(), "/proc is Linux's");
        List<ProcessCpu.Watched> self = List.of(
                new ProcessCpu.Watched("this JVM", ProcessHandle.current().pid(), ProcessCpu.Scope.SELF));
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        Thread spinner = new Thread(() -> {
            spinFor(300);
            spun.countDown();
            // Alive until read: the kernel forgets a thread's time when it ends.
            awaitQuietly(read);
        }, "spinner-42");
        spinner.start();
        try {
            assertThat(spun.await(30, TimeUnit.SECONDS)).isTrue();
            Map<String, Long> threads = ProcessCpu.threadMillis(self).get("this JVM");

            assertThat(threads).containsKey("spinner-#").doesNotContainKey("spinner-42");
            assertThat(threads.get("spinner-#")).isGreaterThanOrEqualTo(280);
        } finally {
            read.countDown();
            spinner.join();
        }
    }

    @Test
    void counts_a_process_that_is_gone_as_zero() {
        assumeTrue(ProcessCpu.available(), "/proc is Linux's");
        Map<String, Long> millis =
                ProcessCpu.millis(List.of(new ProcessCpu.Watched("gone", Long.MAX_VALUE, ProcessCpu.Scope.TREE)));
        assertThat(millis).containsEntry("gone", 0L);
    }

    /** Spins until this thread has had that much CPU, however busy the machine is; returns the turns it took. */
    private static long spinFor(long cpuMillis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + cpuMillis * 1_000_000L;
        long spin = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            spin++;
        }
        return spin;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
