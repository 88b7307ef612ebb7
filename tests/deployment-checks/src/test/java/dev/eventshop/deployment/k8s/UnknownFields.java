package dev.eventshop.deployment.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields a typed model did not know. fabric8's and Strimzi's models keep whatever they cannot map in an
 * {@code additionalProperties} map rather than failing, so a misspelt {@code readinesProbe} would parse; this walks
 * the parsed object and reports every such field with its path.
 */
final class UnknownFields {

    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.kubernetes.api.model.", "io.strimzi.api.");

    private UnknownFields() {
    }

    /** The paths of the unknown fields in the object, e.g. {@code spec.template.spec.containers[0].readinesProbe}. */
    static List<String> of(Object object) {
        List<String> found = new ArrayList<>();
        walk(object, "", found);
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        switch (value) {
            case null -> {
            }
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    walk(list.get(i), path + "[" + i + "]", found);
                }
            }
            case Map<?, ?> map -> map.forEach((key, entry) -> walk(entry, join(path, String.valueOf(key)), found));
            // A generic resource is all additional properties; its content is checked field by field elsewhere.
            case GenericKubernetesResource generic -> {
            }
            default -> {
                if (isModel(value.getClass())) {
                    walkModel(value, path, found);
                }
            }
        }
    }

    private static void walkModel(Object model, String path, List<String> found) {
        List<Method> getters = List.of(model.getClass().getMethods()).stream()
                .filter(UnknownFields::isGetter)
                .sorted(Comparator.comparing(Method::getName))
                .toList();
        for (Method getter : getters) {
            Object value = invoke(getter, model);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(key -> found.add(join(path, String.valueOf(key))));
            } else {
                walk(value, join(path, property(getter)), found);
            }
        }
    }

    private static boolean isGetter(Method method) {
        // Bridge methods repeat a covariant getter (CustomResource's getSpec() returning Object, for one).
        return method.getName().startsWith("get") && method.getParameterCount() == 0 && !method.isBridge()
                && !Modifier.isStatic(method.getModifiers()) && !method.getReturnType().isPrimitive()
                && method.getDeclaringClass() != Object.class;
    }

    private static boolean isModel(Class<?> type) {
        return MODEL_PACKAGES.stream().anyMatch(type.getName()::startsWith) && !type.isEnum();
    }

    private static Object invoke(Method getter, Object model) {
        try {
            return getter.invoke(model);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String join(String path, String property) {
        return path.isEmpty() ? property : path + "." + property;
    }
}
