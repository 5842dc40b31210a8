package vn.paknhub.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.paknhub.casefile.AttachmentLinks;
import vn.paknhub.casefile.AttachmentStore;
import vn.paknhub.casefile.AttachmentStore.StoredAttachment;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.crypto.Digests;

/**
 * The files of a case as a canonical message carries them (case-dispatch v2, status-update v2): each
 * with its number, name, type, size and SHA-256, its content inline (base64) while the message's inline
 * budget lasts, and an expiring signed link whenever the hub knows its public address — a receiver that
 * takes files by reference (a Kafka claim check) reads the link and ignores the content. A file that fits
 * neither way (over the budget, no address configured) fails the delivery with that reason, to be retried
 * once an operator has set the address; it is never sent without its file.
 */
@Component
class MessageFiles {

    private final AttachmentStore store;
    private final AttachmentLinks links;
    private final ZoneId zone;

    MessageFiles(AttachmentStore store, AttachmentLinks links, CaseSettings settings) {
        this.store = store;
        this.links = links;
        this.zone = settings.timeZone();
    }

    void write(ArrayNode into, String caseCode, String agency, List<StoredAttachment> attachments) {
        long inlineBudget = links.settings().inlineMaxBytes();
        boolean linked = !links.settings().linkBaseUrl().isBlank();
        for (StoredAttachment a : attachments) {
            ObjectNode f = into.addObject().put("id", a.id()).put("fileName", a.name()).put("mediaType", a.mediaType())
                    .put("size", a.size()).put("sha256", a.sha256());
            if (a.size() <= inlineBudget) {
                f.put("content", Base64.getEncoder().encodeToString(content(a)));
                inlineBudget -= a.size();
            } else if (!linked) {
                throw new DeliveryRefused("FILE_NOT_SENDABLE", "tệp «" + a.name() + "» (" + a.size() + " byte) vượt quá"
                        + " hub.delivery.files.inline-max-bytes và chưa cấu hình HUB_DELIVERY_FILES_LINK_BASE_URL để gửi"
                        + " đường dẫn / the file is over the inline budget and no link base URL is configured", true);
            }
            if (linked) {
                AttachmentLinks.Link link = links.issue(caseCode, a.id(), agency);
                f.putObject("link").put("href", link.href())
                        .put("expiresAt", DispatchComposer.timestamp(link.expiresAt(), zone));
            }
        }
    }

    /** The stored bytes, checked against the hash the message announces: a damaged file is not sent as evidence. */
    private byte[] content(StoredAttachment a) {
        byte[] bytes = store.content(a.sha256()).orElseThrow(() -> new IllegalStateException(
                "attachment " + a.id() + " (" + a.sha256() + ") has no stored content"));
        if (!HexFormat.of().formatHex(Digests.sha256(bytes)).equals(a.sha256())) {
            throw new IllegalStateException("attachment " + a.id() + ": stored content does not match its SHA-256");
        }
        return bytes;
    }
}
