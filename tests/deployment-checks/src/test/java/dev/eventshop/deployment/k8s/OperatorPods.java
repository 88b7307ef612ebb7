package dev.eventshop.deployment.k8s;

import dev.eventshop.deployment.k8s.NetworkPolicies.Pod;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import java.util.Map;

/**
 * The pods that exist only once an operator has acted on the manifests, with the labels it gives them (Strimzi's and
 * CloudNativePG's documented labels), and the cluster's DNS. The NetworkPolicies select these pods by those labels.
 */
final class OperatorPods {

    private OperatorPods() {
    }

    /** A Kafka node of the pool that is a broker (and a controller). */
    static Pod kafkaBroker(Kafka kafka, KafkaNodePool pool) {
        String cluster = kafka.getMetadata().getName();
        return new Pod(kafka.getMetadata().getNamespace(), Map.of(
                "strimzi.io/cluster", cluster,
                "strimzi.io/kind", "Kafka",
                "strimzi.io/name", cluster + "-kafka",
                "strimzi.io/pool-name", pool.getMetadata().getName(),
                "strimzi.io/broker-role", String.valueOf(pool.getSpec().getRoles().contains(ProcessRoles.BROKER)),
                "strimzi.io/controller-role",
                String.valueOf(pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))));
    }

    /** The primary instance of a CloudNativePG cluster. */
    static Pod postgresPrimary(GenericKubernetesResource cluster) {
        return new Pod(cluster.getMetadata().getNamespace(), Map.of(
                "cnpg.io/cluster", cluster.getMetadata().getName(),
                "cnpg.io/podRole", "instance",
                "cnpg.io/instanceRole", "primary"));
    }

    /** The CloudNativePG operator, installed into its default namespace. */
    static Pod cnpgOperator() {
        return new Pod("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
    }

    /** The cluster's DNS server, as kind, minikube and kubeadm clusters label it. */
    static Pod dns() {
        return new Pod("kube-system", Map.of("k8s-app", "kube-dns"));
    }
}
