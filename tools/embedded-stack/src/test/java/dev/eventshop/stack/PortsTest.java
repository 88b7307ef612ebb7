package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortSomethingListensOnIsInUse() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.isInUse(listening.getLocalPort())).isTrue();
        }
    }

    @Test
    void aPortNothingListensOnIsFree() {
        assertThat(Ports.isInUse(Ports.findFree())).isFalse();
    }

    @Test
    void aFreePortIsNeverHandedOutTwiceInOneJvm() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ports.add(Ports.findFree());
        }

        assertThat(ports).hasSize(2_000);
    }

    @Test
    void aPortIsFreeAgainOnceItsListenerCloses() throws IOException {
        int port;
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = listening.getLocalPort();
        }

        assertThat(Ports.isInUse(port)).isFalse();
    }
}
