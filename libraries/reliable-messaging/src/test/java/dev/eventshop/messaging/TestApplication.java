package dev.eventshop.messaging;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service using the library, for the library's integration tests. */
@SpringBootApplication
public class TestApplication {
}
