# syntax=docker/dockerfile:1.7
# One image recipe for every service: docker compose passes MODULE (the Maven module to build).
# Stage 1 builds the module with the Maven wrapper (dependencies cached between builds),
# stage 2 splits the Spring Boot jar into layers, stage 3 is a JRE with the layers (dependencies
# first, our code last, so a code change re-ships only the last, small layer).

FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY contracts contracts
COPY platform platform
COPY infra-support infra-support
COPY discovery-server discovery-server
COPY gateway gateway
COPY user-service user-service
COPY packet-service packet-service
COPY grab-service grab-service
COPY payment-service payment-service
COPY settlement-service settlement-service
COPY wechatpay-emulator wechatpay-emulator
COPY e2e-tests e2e-tests
# the emulator's runnable jar carries the -exec classifier (its plain jar is a test dependency of payment-service)
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -pl "${MODULE}" -am package \
 && if [ -f "${MODULE}/target/${MODULE}-exec.jar" ]; then cp "${MODULE}/target/${MODULE}-exec.jar" /app.jar; \
    else cp "${MODULE}/target/${MODULE}.jar" /app.jar; fi

FROM eclipse-temurin:21-jre AS layers
WORKDIR /layers
COPY --from=build /app.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:21-jre
RUN groupadd --system app && useradd --system --gid app --home /app app
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
