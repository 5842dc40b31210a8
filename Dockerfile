# Production image of the hub: build with ./mvnw -DskipTests package, then docker build .
# The application files are root's and read-only to the hub; everything it writes lives under
# /var/lib/pakn-hub (a volume). Integrators' files can be mounted over their folders, read-only:
#   -v ./routes:/app/routes:ro -v ./mappings:/app/mappings:ro -v ./templates:/app/templates:ro
#   -v ./calendar:/app/calendar:ro
# ProductionJarIT runs the packaged jar exactly as this file does (user, directories, ENV, ENTRYPOINT).
FROM eclipse-temurin:17-jre
# the paper channel's OCR (Vietnamese model), the fonts its acknowledgement letters are set in, and curl
# for the health check
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /var/lib/pakn-hub hub \
    && mkdir -p /var/lib/pakn-hub/paper && chown -R hub /var/lib/pakn-hub
WORKDIR /app
COPY target/pakn-hub-*.jar /app/pakn-hub.jar
COPY routes /app/routes
COPY mappings /app/mappings
COPY schemas /app/schemas
COPY templates /app/templates
COPY calendar /app/calendar
RUN chmod -R a-w /app
# the scanning station's folders (mount the station's share at /var/lib/pakn-hub/paper/inbox)
ENV HUB_PAPER_INBOX=/var/lib/pakn-hub/paper/inbox \
    HUB_PAPER_PROCESSED=/var/lib/pakn-hub/paper/processed \
    HUB_PAPER_FAILED=/var/lib/pakn-hub/paper/failed \
    HUB_PAPER_SFTP_KNOWN_HOSTS_FILE=/var/lib/pakn-hub/paper/known_hosts
VOLUME /var/lib/pakn-hub
USER hub
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/pakn-hub.jar"]
