# Production image of the hub: build with ./mvnw -DskipTests package, then docker build .
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 hub
WORKDIR /app
COPY target/pakn-hub-*.jar /app/pakn-hub.jar
COPY routes /app/routes
COPY mappings /app/mappings
COPY schemas /app/schemas
COPY templates /app/templates
COPY calendar /app/calendar
USER hub
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/pakn-hub.jar"]
