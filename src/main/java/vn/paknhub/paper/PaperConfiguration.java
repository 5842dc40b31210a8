package vn.paknhub.paper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The watched folder of the scanning station. A scan is taken once it has stopped changing (a file
 * still being written is left alone); its sidecar is the file of the same name ending .json or .xml,
 * written before the scan. Once handled, scan and sidecar move to processed/&lt;day&gt;/, or to
 * failed/ beside a .reason.txt a clerk can read; a scan the hub stored stays in the database either way.
 */
@Configuration
class PaperConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PaperConfiguration.class);

    @Bean
    Tesseract tesseract(PaperSettings settings) {
        return new Tesseract(settings);
    }

    @Bean
    PaperLetters paperLetters(vn.paknhub.notify.NotificationTemplates templates, PaperSettings settings) {
        // the public follow-up page, not the API: the person holding the letter has a browser, not a client
        return new PaperLetters(templates, settings.followUpUrl(), Path.of(settings.letterFonts()));
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = {"hub.paper.enabled",
        "hub.paper.sftp.enabled"}, havingValue = "true")
    RouteBuilder paperSftpRoute(PaperSettings settings) {
        return new PaperSftpRoute(settings);
    }

    @Bean
    RouteBuilder paperRoutes(PaperSettings settings, PaperIntake intake, Clock clock) {
        return new RouteBuilder() {
            @Override
            public void configure() throws IOException {
                if (!settings.enabled()) {
                    LOG.info("Paper channel off (HUB_PAPER_ENABLED=false)");
                    return;
                }
                Files.createDirectories(Path.of(settings.inbox()));
                from("file:" + settings.inbox() + "?include=(?i).*\\.(pdf|tiff?|png|jpe?g)$"
                        // the hub moves the files itself, after the outcome is durable
                        + "&noop=true&idempotent=false&readLock=changed&readLockMinAge=" + settings.settleMs()
                        + "&readLockCheckInterval=" + Math.max(100, settings.settleMs() / 2)
                        + "&delay=" + settings.pollDelayMs() + "&maxMessagesPerPoll=20")
                        .routeId("paper-intake")
                        // one scan more than OCR processes: its decoding, clean-up and filing overlap another's OCR
                        .threads(settings.ocrProcesses() + 1)
                        .process(e -> {
                            Path scan = e.getMessage().getBody(File.class).toPath();
                            Path sidecar = sidecarOf(scan);
                            PaperIntake.Result r = intake.receive(scan.getFileName().toString(), Files.readAllBytes(scan),
                                    sidecar == null ? null : Files.readAllBytes(sidecar), clock.instant());
                            LOG.info("Scan {}: {}{}", scan.getFileName(), r.outcome(),
                                    r.caseCode() == null ? "" : " " + r.caseCode());
                            settle(settings, scan, sidecar, r, clock);
                        });
            }
        };
    }

    private static Path sidecarOf(Path scan) {
        String name = scan.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        for (String ext : new String[] {".json", ".xml", ".JSON", ".XML"}) {
            Path candidate = scan.resolveSibling(base + ext);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void settle(PaperSettings settings, Path scan, Path sidecar, PaperIntake.Result r, Clock clock) {
        try {
            boolean failed = r.outcome() == PaperIntake.Outcome.FAILED;
            Path to = failed ? Path.of(settings.failed())
                    : Path.of(settings.processed()).resolve(LocalDate.now(clock).toString());
            Files.createDirectories(to);
            Path moved = free(to.resolve(scan.getFileName()));
            if (failed) {
                Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"), r.reason() + "\n"
                        + (r.scanId() == null ? "" : "scan " + r.scanId() + " (POST /api/v1/paper/" + r.scanId()
                                + "/reprocess)\n"), StandardCharsets.UTF_8);
            }
            if (sidecar != null) {
                Files.move(sidecar, free(to.resolve(sidecar.getFileName())));
            }
            Files.move(scan, moved);
        } catch (IOException e) {
            // the outcome is stored; the file is taken again next poll and recognised by its content
            throw new UncheckedIOException(e);
        }
    }

    /** The path, or the same name with -1, -2 … when a file of that name is already there. */
    private static Path free(Path wanted) {
        Path candidate = wanted;
        String name = wanted.getFileName().toString();
        int dot = name.lastIndexOf('.');
        for (int i = 1; Files.exists(candidate); i++) {
            candidate = wanted.resolveSibling(dot < 0 ? name + "-" + i : name.substring(0, dot) + "-" + i + name.substring(dot));
        }
        return candidate;
    }
}
