/**
 * The benchmark anyone can rerun: open-loop order traffic on the embedded stack, the outbox relay on its own and this
 * machine's floors, reported as JSON, Markdown and SVG ({@code ./run-benchmark}, docs/benchmarks.md).
 */
@NullMarked
package dev.eventshop.benchmark;

import org.jspecify.annotations.NullMarked;
