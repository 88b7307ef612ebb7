package dev.eventshop.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The settings every service shares, written once: each shared module ships its part as
 * {@code META-INF/eventshop/defaults/<module>.yml}, and this adds them all below everything else, so a service's
 * {@code application.yml}, the environment and the command line still win. A service's own file then holds only what
 * is its own: its name, port, database and decisions.
 */
public class SharedDefaults implements EnvironmentPostProcessor, Ordered {

    static final String LOCATION = "classpath*:META-INF/eventshop/defaults/*.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getDescription));
            for (Resource file : files) {
                for (PropertySource<?> source : yaml.load("eventshop defaults " + file.getFilename(), file)) {
                    environment.getPropertySources().addLast(source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the shared defaults at " + LOCATION, e);
        }
    }

    /** After the application's own configuration files are in, so that they come first. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
