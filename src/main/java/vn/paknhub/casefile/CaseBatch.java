package vn.paknhub.casefile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.paknhub.bus.CaseEventMessage;

/**
 * Cases locked together by the caller's transaction and changed in memory, one change after the
 * other; their rows, history events (in the order they happened), attachments and outbox rows are
 * written together when {@link CaseService#write} ends the batch. A poll of status updates then
 * costs a few round trips to the database instead of several per update. Only {@link CaseService}
 * makes, changes and writes one.
 */
public final class CaseBatch {

    /** A history event of one of the batch's cases, with the attachments it brought. */
    record Entry(UUID caseId, CaseEvent event, List<IncomingAttachment> attachments) {
    }

    private final Map<String, CaseFile> current = new LinkedHashMap<>();
    private final Map<UUID, Integer> lockedVersions = new HashMap<>();
    private final List<Entry> history = new ArrayList<>();
    private final List<CaseEventMessage> messages = new ArrayList<>();

    CaseBatch(List<CaseFile> locked) {
        locked.forEach(c -> {
            current.put(c.code(), c);
            lockedVersions.put(c.id(), c.version());
        });
    }

    /** The case as the batch's changes so far have left it; empty when it was not locked (it does not exist). */
    public Optional<CaseFile> find(String code) {
        return Optional.ofNullable(current.get(code));
    }

    void changed(CaseFile after, Entry entry, CaseEventMessage message) {
        current.put(after.code(), after);
        history.add(entry);
        messages.add(message);
    }

    void noted(Entry entry) {
        history.add(entry);
    }

    /** The cases changed, each as it is now, with the version its row had when it was locked. */
    Map<CaseFile, Integer> changedRows() {
        Map<CaseFile, Integer> rows = new LinkedHashMap<>();
        current.values().stream().filter(c -> c.version() != lockedVersions.get(c.id()))
                .forEach(c -> rows.put(c, lockedVersions.get(c.id())));
        return rows;
    }

    List<Entry> history() {
        return history;
    }

    List<CaseEventMessage> messages() {
        return messages;
    }
}
