package dev.eventshop.deployment.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;

/** How one service is deployed in one rendering: its Deployment, its one container, and the environment it gets. */
record ServiceWorkloads(EventshopService service, Manifests manifests) {

    Deployment deployment() {
        return manifests.get(Deployment.class, service.serviceName());
    }

    Container container() {
        return deployment().getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(service.serviceName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no container named after it"));
    }

    Map<String, String> podLabels() {
        return deployment().getSpec().getTemplate().getMetadata().getLabels();
    }

    /**
     * Every variable of the container's environment: the ConfigMaps' entries in order, then the variables it names
     * itself, each later one winning as in Kubernetes. A variable taken from a Secret has the value
     * {@code secret:<name>/<key>}.
     */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container().getEnvFrom()) {
            if (source.getConfigMapRef() == null) {
                throw new AssertionError(service + " takes a whole Secret into its environment");
            }
            environment.putAll(manifests.get(ConfigMap.class, source.getConfigMapRef().getName()).getData());
        }
        for (EnvVar variable : container().getEnv()) {
            environment.put(variable.getName(), valueOf(variable));
        }
        return environment;
    }

    private static String valueOf(EnvVar variable) {
        if (variable.getValueFrom() == null) {
            return variable.getValue();
        }
        if (variable.getValueFrom().getSecretKeyRef() == null) {
            throw new AssertionError(variable.getName() + " comes from neither a value nor a Secret");
        }
        return "secret:" + variable.getValueFrom().getSecretKeyRef().getName() + "/"
                + variable.getValueFrom().getSecretKeyRef().getKey();
    }
}
