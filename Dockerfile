# Production image of the hub: build with ./mvnw -DskipTests package, then docker build .
FROM eclipse-temurin:17-jre
# the paper channel's OCR (Vietnamese model) and the fonts its acknowledgement letters are set in
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
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
