package vn.paknhub.core.crypto;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The keys that encrypt personal data and files, and the key of the lookup hashes, kept in the database
 * ({@code data_key}) wrapped by the master key. At start-up each node unwraps them all with whichever
 * master key wrapped them, and re-wraps with the current master key those a previous one wrapped: a
 * rotation of {@code HUB_CRYPTO_MASTER_KEY} is a rolling restart with the old key in
 * {@code HUB_CRYPTO_PREVIOUS_MASTER_KEYS}, then another without it; the data keys themselves, hence
 * every row and file, stay as they are.
 *
 * <p>Keys 1 and 2 are those the hub derived from the master key before keys were kept wrapped, so that
 * what was encrypted then is still read.
 */
@Component
public class DataKeys {

    private static final Logger LOG = LoggerFactory.getLogger(DataKeys.class);
    static final int FIRST_ENCRYPTION_KEY = 1;
    static final int LOOKUP_HASH_KEY = 2;
    static final int FILE_LINK_KEY = 3;

    private final NamedParameterJdbcTemplate jdbc;
    private final MasterKeys masters;
    private final Map<Integer, byte[]> keys = new ConcurrentHashMap<>();
    private volatile int activeEncryptionKey = FIRST_ENCRYPTION_KEY;

    @Autowired
    public DataKeys(NamedParameterJdbcTemplate jdbc, @Value("${hub.crypto.master-key:}") String master,
            @Value("${hub.crypto.previous-master-keys:}") String previous) {
        this.jdbc = jdbc;
        this.masters = MasterKeys.of(master, previous);
        create(FIRST_ENCRYPTION_KEY, "ENCRYPTION", masters.deriveFromCurrent("pakn-hub/encryption/v1"));
        create(LOOKUP_HASH_KEY, "LOOKUP_HASH", masters.deriveFromCurrent("pakn-hub/lookup-hash/v1"));
        create(FILE_LINK_KEY, "FILE_LINK", masters.deriveFromCurrent("pakn-hub/file-link/v1"));
        int rewrapped = load();
        LOG.info("Data keys: {} kept wrapped by master key {}{}", keys.size(), masters.currentId(),
                rewrapped == 0 ? "" : "; " + rewrapped + " re-wrapped from a previous master key"
                        + " (remove HUB_CRYPTO_PREVIOUS_MASTER_KEYS once every node has started with the new key)");
    }

    /** The keys as they were before they were kept in the database, for tools and tests without one. */
    private DataKeys(MasterKeys masters) {
        this.jdbc = null;
        this.masters = masters;
        keys.put(FIRST_ENCRYPTION_KEY, masters.deriveFromCurrent("pakn-hub/encryption/v1"));
        keys.put(LOOKUP_HASH_KEY, masters.deriveFromCurrent("pakn-hub/lookup-hash/v1"));
        keys.put(FILE_LINK_KEY, masters.deriveFromCurrent("pakn-hub/file-link/v1"));
    }

    public static DataKeys withoutStore(String masterBase64) {
        return new DataKeys(MasterKeys.of(masterBase64, null));
    }

    /** Makes a key at a fresh start; a key another node made first is left as it is. */
    private void create(int id, String purpose, byte[] key) {
        jdbc.update("insert into data_key (id, purpose, wrapped, master_key_id) values (:id, :purpose, :wrapped, :master)"
                + " on conflict (id) do nothing", new MapSqlParameterSource("id", id).addValue("purpose", purpose)
                        .addValue("wrapped", masters.wrap(id, key)).addValue("master", masters.currentId()));
    }

    /** Unwraps every key, re-wrapping those a previous master key wrapped; how many were re-wrapped. */
    private int load() {
        record Row(int id, String purpose, byte[] wrapped, String master) {
        }
        List<Row> rows = jdbc.query("select id, purpose, wrapped, master_key_id from data_key order by id", Map.of(),
                (rs, i) -> new Row(rs.getInt(1), rs.getString(2), rs.getBytes(3), rs.getString(4)));
        int rewrapped = 0;
        for (Row row : rows) {
            byte[] key = masters.unwrap(row.id(), row.master(), row.wrapped());
            keys.put(row.id(), key);
            if ("ENCRYPTION".equals(row.purpose())) {
                activeEncryptionKey = Math.max(activeEncryptionKey, row.id());
            }
            if (!row.master().equals(masters.currentId())) {
                rewrapped += jdbc.update("update data_key set wrapped = :wrapped, master_key_id = :current, rewrapped_at = now()"
                        + " where id = :id and master_key_id = :old", new MapSqlParameterSource("id", row.id())
                                .addValue("wrapped", masters.wrap(row.id(), key)).addValue("current", masters.currentId())
                                .addValue("old", row.master()));
            }
        }
        return rewrapped;
    }

    /** The id of the key new ciphertexts are made with. */
    int activeEncryptionKeyId() {
        return activeEncryptionKey;
    }

    SecretKeySpec encryptionKey(int id) {
        byte[] key = keys.get(id);
        if (key == null && jdbc != null) {
            // made by another node since this one started
            load();
            key = keys.get(id);
        }
        if (key == null) {
            throw new IllegalStateException("no data key " + id);
        }
        return new SecretKeySpec(key, "AES");
    }

    SecretKeySpec lookupHashKey() {
        return new SecretKeySpec(keys.get(LOOKUP_HASH_KEY), "HmacSHA256");
    }

    /**
     * The key that signs the download links of files sent to partners: every node checks a link another
     * node issued, and a master-key rotation keeps the links issued before it valid.
     */
    public SecretKeySpec fileLinkKey() {
        return new SecretKeySpec(keys.get(FILE_LINK_KEY), "HmacSHA256");
    }

    /** The current master key's id, for operators checking a rotation. */
    public String masterKeyId() {
        return masters.currentId();
    }
}
