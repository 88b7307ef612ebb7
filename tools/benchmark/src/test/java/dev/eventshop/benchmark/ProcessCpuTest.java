package dev.eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void reads_the_cpu_time_a_busy_process_spent_from_proc() {
        assumeTrue(ProcessCpu.available(), "/proc is Linux's");
        List<ProcessCpu.Watched> self = List.of(
                new ProcessCpu.Watched("this JVM", ProcessHandle.current().pid(), ProcessCpu.Scope.SELF));
        long before = ProcessCpu.millis(self).get("this JVM");
        // Spin until this thread has had 300 ms of CPU, however busy the machine is.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 300_000_000L;
        long spin = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            spin++;
        }
        long after = ProcessCpu.millis(self).get("this JVM");
        assertThat(spin).isPositive();
        // /proc counts in ticks of 10 ms.
        assertThat(after - before).isGreaterThanOrEqualTo(280);
    }

    @Test
    void counts_a_process_that_is_gone_as_zero() {
        assumeTrue(ProcessCpu.available(), "/proc is Linux's");
        Map<String, Long> millis =
                ProcessCpu.millis(List.of(new ProcessCpu.Watched("gone", Long.MAX_VALUE, ProcessCpu.Scope.TREE)));
        assertThat(millis).containsEntry("gone", 0L);
    }
}
