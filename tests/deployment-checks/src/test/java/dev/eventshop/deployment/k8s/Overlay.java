package dev.eventshop.deployment.k8s;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** What the checks render: the base and each overlay of {@code k8s/}. */
enum Overlay {

    BASE("k8s/base", true),
    LAPTOP("k8s/overlays/laptop", false),
    PRODUCTION("k8s/overlays/production", true);

    private static final Map<Overlay, Manifests> RENDERED = new EnumMap<>(Overlay.class);

    private final String directory;
    private final boolean replicated;

    Overlay(String directory, boolean replicated) {
        this.directory = directory;
        this.replicated = replicated;
    }

    /** Whether it runs everything replicated (services twice or more, three Kafka nodes and PostgreSQL instances). */
    boolean replicated() {
        return replicated;
    }

    Path directory() {
        return Repository.path(directory);
    }

    /** Rendered once per test run: each rendering starts kubectl. */
    synchronized Manifests manifests() {
        return RENDERED.computeIfAbsent(this, overlay -> Manifests.parse(Kustomize.build(overlay.directory())));
    }
}
