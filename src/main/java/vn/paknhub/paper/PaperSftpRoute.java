package vn.paknhub.paper;

import java.util.Comparator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;

/**
 * A scanning station that delivers over SFTP instead of a shared folder: its scans and sidecars are
 * brought into the channel's inbox, sidecars first, each once it has stopped changing on the server,
 * written under a temporary name and renamed (so the inbox never shows half a file), and deleted on
 * the server only after that. A crash in between brings the file again; the channel knows it by its
 * content. The server's host key must be in the known-hosts file: an unknown or changed key is refused.
 */
class PaperSftpRoute extends RouteBuilder {

    static final String SIDECARS_FIRST = "paperSidecarsFirst";

    private final PaperSettings settings;

    PaperSftpRoute(PaperSettings settings) {
        this.settings = settings;
    }

    /** Sidecars before scans, so that a scan's sidecar is in the inbox when the scan is taken. */
    static <T> Comparator<GenericFile<T>> sidecarsFirst() {
        return Comparator.comparing((GenericFile<T> f) -> !f.getFileName().matches("(?i).*\\.(json|xml)$"))
                .thenComparing(GenericFile::getFileName);
    }

    @Override
    public void configure() {
        getContext().getRegistry().bind(SIDECARS_FIRST, sidecarsFirst());
        PaperSettings.Sftp sftp = settings.sftp();
        from(sftp.uri() + (sftp.uri().contains("?") ? "&" : "?")
                + "include=(?i).*\\.(pdf|tiff?|png|jpe?g|json|xml)$&sorter=#" + SIDECARS_FIRST
                + "&readLock=changed&readLockMinAge=" + settings.settleMs()
                + "&readLockCheckInterval=" + Math.max(100, settings.settleMs() / 2)
                + "&delete=true&delay=" + settings.pollDelayMs() + "&maxMessagesPerPoll=40"
                + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false&knownHostsFile=" + sftp.knownHostsFile()
                + (sftp.privateKeyFile() == null || sftp.privateKeyFile().isBlank() ? ""
                        : "&privateKeyFile=" + sftp.privateKeyFile())
                + (sftp.password() == null || sftp.password().isBlank() ? "" : "&password=RAW(" + sftp.password() + ")"))
                .routeId("paper-sftp")
                .to("file:" + settings.inbox() + "?tempFileName=${file:name}.part&fileExist=Override");
    }
}
