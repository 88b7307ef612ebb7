package dev.eventshop.deployment.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a set of NetworkPolicies lets a pod send and receive, evaluated as Kubernetes does: a pod that no policy of a
 * direction selects is open in that direction; a selected one may use only what some selecting policy's rules allow.
 * Covers what the manifests use (label matching, ports by number, peers by pod and namespace) and refuses the rest.
 */
final class NetworkPolicies {

    /** A pod, by its namespace and labels; {@link #OUTSIDE} stands for any address outside the cluster. */
    record Pod(String namespace, Map<String, String> labels) {

        static final Pod OUTSIDE = new Pod(null, null);

        boolean outsideTheCluster() {
            return namespace == null;
        }
    }

    /** A port of a pod: what a connection is made to. */
    record Endpoint(Pod pod, String protocol, int port) {
    }

    /**
     * One peer-and-port pair a rule allows, as the policy names it.
     *
     * @param peer whom; {@code null} when the rule names no peer (anyone)
     * @param port which port; {@code null} when the rule names no port (every port)
     */
    record Allowance(NetworkPolicy policy, NetworkPolicyPeer peer, NetworkPolicyPort port) {

        /** Whether this allows a connection between the pod the policy selects and that pod, on that port. */
        boolean allows(Pod other, String protocol, int number) {
            return allowsPort(protocol, number) && allowsPeer(other);
        }

        boolean allows(Endpoint endpoint) {
            return allows(endpoint.pod(), endpoint.protocol(), endpoint.port());
        }

        private boolean allowsPort(String protocol, int number) {
            if (port == null) {
                return true;
            }
            if (!Objects.requireNonNullElse(port.getProtocol(), "TCP").equals(protocol)) {
                return false;
            }
            IntOrString value = port.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() == null) {
                throw new UnsupportedOperationException(policy.getMetadata().getName() + ": named ports");
            }
            int first = value.getIntVal();
            int last = port.getEndPort() == null ? first : port.getEndPort();
            return first <= number && number <= last;
        }

        private boolean allowsPeer(Pod other) {
            if (peer == null) {
                return true;
            }
            if (peer.getIpBlock() != null) {
                throw new UnsupportedOperationException(policy.getMetadata().getName() + ": IP blocks");
            }
            if (other.outsideTheCluster()) {
                return false;
            }
            if (peer.getNamespaceSelector() == null) {
                return other.namespace().equals(policy.getMetadata().getNamespace())
                        && matches(peer.getPodSelector(), other.labels());
            }
            // Every namespace carries its name as this label; the manifests select namespaces by nothing else.
            Map<String, String> namespaceLabels = Map.of("kubernetes.io/metadata.name", other.namespace());
            return matches(peer.getNamespaceSelector(), namespaceLabels)
                    && (peer.getPodSelector() == null || matches(peer.getPodSelector(), other.labels()));
        }
    }

    private final List<NetworkPolicy> policies;

    NetworkPolicies(List<NetworkPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    /** Every allowance for traffic leaving the pod; empty when no policy restricts its egress. */
    Optional<List<Allowance>> egressOf(Pod pod) {
        return allowances(pod, "Egress", policy -> policy.getSpec().getEgress().stream()
                .map(rule -> new Rule(rule.getTo(), rule.getPorts())).toList());
    }

    /** Every allowance for traffic reaching the pod; empty when no policy restricts its ingress. */
    Optional<List<Allowance>> ingressOf(Pod pod) {
        return allowances(pod, "Ingress", policy -> policy.getSpec().getIngress().stream()
                .map(rule -> new Rule(rule.getFrom(), rule.getPorts())).toList());
    }

    /** Whether the pod may open a connection to the endpoint, by the policies of both ends. */
    boolean mayConnect(Pod from, Endpoint to) {
        boolean sent = egressOf(from)
                .map(allowances -> allowances.stream().anyMatch(allowance -> allowance.allows(to)))
                .orElse(true);
        boolean received = to.pod().outsideTheCluster() || ingressOf(to.pod())
                .map(allowances -> allowances.stream()
                        .anyMatch(allowance -> allowance.allows(from, to.protocol(), to.port())))
                .orElse(true);
        return sent && received;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new UnsupportedOperationException("label selectors with expressions");
        }
        Map<String, String> required = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        return labels.entrySet().containsAll(required.entrySet());
    }

    private record Rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    }

    private Optional<List<Allowance>> allowances(Pod pod, String direction,
            Function<NetworkPolicy, List<Rule>> rules) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(policy -> policy.getMetadata().getNamespace().equals(pod.namespace()))
                .filter(policy -> policy.getSpec().getPolicyTypes().contains(direction))
                .filter(policy -> matches(policy.getSpec().getPodSelector(), pod.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return Optional.empty();
        }
        List<Allowance> allowances = new ArrayList<>();
        for (NetworkPolicy policy : selecting) {
            for (Rule rule : rules.apply(policy)) {
                List<NetworkPolicyPeer> peers = rule.peers().isEmpty() ? nullList() : rule.peers();
                List<NetworkPolicyPort> ports = rule.ports().isEmpty() ? nullList() : rule.ports();
                for (NetworkPolicyPeer peer : peers) {
                    for (NetworkPolicyPort port : ports) {
                        allowances.add(new Allowance(policy, peer, port));
                    }
                }
            }
        }
        return Optional.of(allowances);
    }

    /** A list of one {@code null}: a rule without peers allows every peer, one without ports every port. */
    private static <T> List<T> nullList() {
        List<T> single = new ArrayList<>();
        single.add(null);
        return single;
    }
}
