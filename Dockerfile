# One image per service, built from this repository's sources with the Maven wrapper:
#
#   docker build --build-arg SERVICE=order-service --build-arg SERVICE_PORT=8081 -t eventshop/order-service .
#
# docker-compose.yml builds all five this way. Needs BuildKit (the default builder of Docker 23 and later) for the
# Maven repository's cache mount.

# ---------------------------------------------------------------------------------------------------------------------
# Build: the service's Spring Boot jar, split into layers.
# ---------------------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:21.0.11_10-jdk-noble AS build

# The service to build, under services/, which is also the jar's name: order-service, inventory-service, ...
ARG SERVICE
RUN test -n "$SERVICE" || { echo "Build with --build-arg SERVICE=<module>, for example SERVICE=order-service" >&2; exit 1; }

WORKDIR /workspace
COPY . .

# The Maven repository lives in a cache mount that outlasts the build: dependencies are downloaded once per machine,
# not once per service or per source change. -am builds the shared modules the service needs, and nothing else.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl "services/$SERVICE" -am package -DskipTests

# Spring Boot's layers, each its own directory: dependencies (large, rarely change), the loader, snapshot dependencies,
# and the application (this repository's code, small). Copied below one by one, so that a code change rebuilds and
# ships only the last layer.
RUN java -Djarmode=tools -jar "services/$SERVICE/target/$SERVICE.jar" extract --layers --launcher --destination /layers

# The health check program, compiled: a JRE cannot run a source file.
RUN javac --release 21 -d /healthcheck deploy/docker/HealthCheck.java

# ---------------------------------------------------------------------------------------------------------------------
# Runtime: a JRE and the layers, run as an unprivileged user.
# ---------------------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:21.0.11_10-jre-noble

# The port the service listens on (its SERVER_PORT); the contract gives each service its own, 8081 to 8085.
ARG SERVICE_PORT
RUN test -n "$SERVICE_PORT" || { echo "Build with --build-arg SERVICE_PORT=<port>, for example SERVICE_PORT=8081" >&2; exit 1; }

# A system user with no shell and no home of its own; the application's files stay owned by root, so the service
# cannot change its own code.
RUN groupadd --system --gid 10001 eventshop \
    && useradd --system --uid 10001 --gid eventshop --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin eventshop

WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
COPY --from=build /healthcheck/ /opt/healthcheck/

USER eventshop:eventshop

ENV SERVER_PORT=${SERVICE_PORT}
EXPOSE ${SERVICE_PORT}

# Ready means the service answers and its database does (its readiness group). A small heap and the quick compiler keep
# each check's JVM short-lived and light; the start period covers Flyway migrations on a first start.
HEALTHCHECK --interval=15s --timeout=10s --start-period=120s --retries=3 \
    CMD ["java", "-Xmx16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/opt/healthcheck", "HealthCheck"]

# Heap at 60 % of the container's memory limit: the rest is for metaspace, threads, direct buffers and the health
# check's JVM, which a Spring Boot service with Kafka clients needs a few hundred megabytes for. Out of memory, the JVM
# exits, and the container's restart policy starts a fresh one instead of leaving a broken process running.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", \
    "org.springframework.boot.loader.launch.JarLauncher"]
