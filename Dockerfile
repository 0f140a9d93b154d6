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
# AppCDS: the jar extracted (-Djarmode=tools) and a class-data archive written by a training run that stops once
# the application context is refreshed (on an in-memory database, no demo data, nothing served). Start-up with the
# archive is measured by StartupBenchmark (BENCHMARKS.md).
RUN java -Djarmode=tools -jar app.jar extract --destination app && rm app.jar \
    && java -XX:ArchiveClassesAtExit=app/app.jsa -Dspring.context.exit=onRefresh -Duser.timezone=Europe/Oslo \
       -jar app/app.jar --spring.datasource.url=jdbc:h2:mem:cds --innforing.demo.enabled=false
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app/app.jsa", "-Duser.timezone=Europe/Oslo", "-jar", "app/app.jar"]
