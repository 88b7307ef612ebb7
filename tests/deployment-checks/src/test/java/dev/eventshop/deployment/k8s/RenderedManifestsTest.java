package dev.eventshop.deployment.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What holds for every object that {@code k8s/} renders, whichever the overlay. */
class RenderedManifestsTest {

    /** A tag other than {@code latest}, a digest, or both: {@code name:1.2}, {@code name@sha256:...}. */
    private static final Pattern PINNED = Pattern.compile(".+(:[\\w][\\w.-]*|@sha256:[0-9a-f]{64})$");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyObjectParsesIntoTheModelOfItsKind(Overlay overlay) {
        List<HasMetadata> objects = overlay.manifests().objects();

        assertThat(objects).isNotEmpty();
        assertThat(objects).filteredOn(Manifests::isUnknownKind).extracting(Manifests::kindOf).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noObjectHasAFieldItsKindDoesNotKnow(Overlay overlay) {
        List<String> unknown = overlay.manifests().objects().stream()
                .flatMap(object -> UnknownFields.of(object).stream()
                        .map(field -> Manifests.describe(object) + ": " + field))
                .toList();

        assertThat(unknown).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everythingLivesInTheEventshopNamespace(Overlay overlay) {
        assertThat(overlay.manifests().objects())
                .filteredOn(object -> !(object instanceof Namespace))
                .extracting(object -> object.getMetadata().getNamespace())
                .containsOnly("eventshop");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyImageIsPinnedToAVersion(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        Stream<String> containers = manifests.all(Deployment.class)
                .map(deployment -> deployment.getSpec().getTemplate().getSpec())
                .flatMap(RenderedManifestsTest::containers)
                .map(Container::getImage);
        Stream<String> postgres = manifests.cnpg("Cluster")
                .map(cluster -> Manifests.field(cluster, "spec.imageName")
                        .orElseThrow(() -> new AssertionError("the Cluster leaves its image to the operator"))
                        .toString());
        List<String> images = Stream.concat(containers, postgres).toList();

        assertThat(images).isNotEmpty().allSatisfy(image -> assertThat(image)
                .matches(PINNED)
                .doesNotEndWith(":latest"));
    }

    private static Stream<Container> containers(PodSpec pod) {
        return Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream());
    }
}
