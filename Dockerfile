# Builds and runs Innføring. Used by docker-compose.yml; needs nothing but Docker.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -q -B dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -q -B -DskipTests package && cp target/innforing-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 innforing
USER innforing
WORKDIR /home/innforing
COPY --from=build --chown=innforing /app.jar app.jar
ENV TZ=Europe/Oslo
# AppCDS: the jar extracted (-Djarmode=tools) and a class-data archive written by a training run: the app started
# on an in-memory database without demo data (so with a throw-away strong administrator password, or
# AdminPasswordGuard stops it) up to ready (start-up work, web server, a served request), then stopped; the JVM
# writes the archive as it exits, and the build fails if the training run dies. Start-up with the archive is
# measured by StartupBenchmark (BENCHMARKS.md).
RUN java -Djarmode=tools -jar app.jar extract --destination app && rm app.jar \
    && (java -XX:ArchiveClassesAtExit=app/app.jsa -Duser.timezone=Europe/Oslo -jar app/app.jar --server.port=8089 \
          --spring.datasource.url=jdbc:h2:mem:cds --innforing.demo.enabled=false \
          --camunda.bpm.admin-user.password="cds-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" \
          > cds-training.log 2>&1 & \
        training=$!; \
        until curl -fs -o /dev/null http://localhost:8089/actuator/health/readiness; do \
          kill -0 $training 2>/dev/null || { cat cds-training.log; exit 1; }; sleep 1; \
        done; \
        kill $training; wait $training; test -s app/app.jsa) \
    && rm cds-training.log
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app/app.jsa", "-Duser.timezone=Europe/Oslo", "-jar", "app/app.jar"]
