package vn.paknhub.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.paknhub.casefile.AttachmentStore;
import vn.paknhub.devstack.StandaloneServers;

/**
 * Rotating HUB_CRYPTO_MASTER_KEY on a database of its own (real PostgreSQL, the hub's migrations): data
 * written before the rotation (also in the format before data keys had ids, and files stored in clear
 * before files were encrypted) and after it is read with the new key; the data keys are re-wrapped, no
 * ciphertext is touched; a node with only the old key, or a stranger's, is refused with the key id it needs.
 */
class MasterKeyRotationTest {

    private static NamedParameterJdbcTemplate named;
    private static JdbcTemplate db;

    @BeforeAll
    static void database() throws Exception {
        String server = StandaloneServers.postgres(Files.createTempDirectory("pakn-keys").resolve("postgres"));
        String name = "keys_" + Long.toHexString(System.nanoTime());
        try (var c = java.sql.DriverManager.getConnection(server); var s = c.createStatement()) {
            s.execute("create database " + name);
        }
        var ds = new DriverManagerDataSource(server.replaceFirst("/postgres\\?", "/" + name + "?"));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        named = new NamedParameterJdbcTemplate(ds);
        db = named.getJdbcTemplate();
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static vn.paknhub.casefile.AttachmentLinks links(DataKeys keys) {
        return new vn.paknhub.casefile.AttachmentLinks(keys, new vn.paknhub.casefile.AttachmentLinks.Settings(0,
                java.time.Duration.ofDays(7), "https://pakn-hub.example.gov.vn"), java.time.Clock.systemUTC(),
                new org.springframework.mock.env.MockEnvironment());
    }

    @Test
    void a_rotation_rewraps_the_data_keys_and_every_ciphertext_before_and_after_stays_readable() throws Exception {
        String oldKey = newKey();
        String newKey = newKey();
        DataKeys keysBefore = new DataKeys(named, oldKey, "");
        PersonalDataProtector before = new PersonalDataProtector(keysBefore);
        String oldMasterId = MasterKeys.of(oldKey, null).currentId();
        assertThat(db.queryForList("select master_key_id from data_key", String.class)).containsOnly(oldMasterId).hasSize(3);

        // written before: a name the way the hub wrote it before keys had ids, one as it writes now, a file
        // stored in clear by an earlier version, and a lookup hash
        byte[] legacyName = legacyCiphertext(oldKey, "Nguyễn Thị Minh Thư");
        byte[] name = before.encrypt("Trần Văn Hùng");
        byte[] png = pngLike();
        String sha = HexFormat.of().formatHex(Digests.sha256(png));
        db.update("insert into attachment_blob (sha256, size, content) values (?, ?, ?)", Digests.sha256(png), png.length, png);
        byte[] emailHash = before.lookupHash("hung.tran@example.vn");
        // and a download link a partner holds, signed with the file-link key
        String link = links(keysBefore).issue("SKGP-20261207-000001", 7, "BKHCN").href();
        List<byte[]> wrappedBefore = db.queryForList("select wrapped from data_key order by id", byte[].class);

        // rolling restart, first with the old key as previous
        DataKeys rotating = new DataKeys(named, newKey, oldKey);
        String newMasterId = rotating.masterKeyId();
        PersonalDataProtector during = new PersonalDataProtector(rotating);
        assertThat(db.queryForList("select master_key_id from data_key", String.class)).containsOnly(newMasterId).hasSize(3);
        assertThat(db.queryForList("select wrapped from data_key order by id", byte[].class))
                .zipSatisfy(wrappedBefore, (now, was) -> assertThat(now).isNotEqualTo(was));
        // a node not yet restarted keeps working with the keys it holds
        assertThat(before.decrypt(during.encrypt("Lê Thị Hoa"))).isEqualTo("Lê Thị Hoa");
        AttachmentStore files = new AttachmentStore(named, during);
        assertThat(files.encryptStoredInClear(50)).isOne();

        // then without the old key: everything reads, hashes match, nothing was re-encrypted
        DataKeys keysAfter = new DataKeys(named, newKey, "");
        PersonalDataProtector after = new PersonalDataProtector(keysAfter);
        assertThat(links(keysAfter).refusal("SKGP-20261207-000001", 7, "BKHCN",
                Long.parseLong(link.replaceAll(".*expires=(\\d+).*", "$1")), link.replaceAll(".*signature=", "")))
                .as("a link issued before the rotation still opens").isNull();
        assertThat(after.decrypt(legacyName)).isEqualTo("Nguyễn Thị Minh Thư");
        assertThat(after.decrypt(name)).isEqualTo("Trần Văn Hùng");
        assertThat(after.decrypt(after.encrypt("Phạm Quốc Bảo"))).isEqualTo("Phạm Quốc Bảo");
        assertThat(after.lookupHash("hung.tran@example.vn")).isEqualTo(emailHash);
        assertThat(new AttachmentStore(named, after).content(sha)).hasValueSatisfying(b -> assertThat(b).isEqualTo(png));
        assertThat(db.queryForObject("select count(*) from attachment_blob where content is not null"
                + " or position('\\x89504e47'::bytea in content_enc) > 0", Integer.class)).isZero();

        // the old key alone, or a stranger's, cannot start: the message names the key needed
        assertThatThrownBy(() -> new DataKeys(named, oldKey, "")).hasMessageContaining(newMasterId)
                .hasMessageContaining("HUB_CRYPTO_PREVIOUS_MASTER_KEYS");
        assertThatThrownBy(() -> new DataKeys(named, newKey(), "")).hasMessageContaining(newMasterId);
        assertThat(db.queryForList("select master_key_id from data_key", String.class)).containsOnly(newMasterId);
    }

    /** A ciphertext as the hub wrote it before data keys had ids: 0x01, IV, AES-GCM with the derived key. */
    private static byte[] legacyCiphertext(String master, String text) throws Exception {
        byte[] key = MasterKeys.derive(Base64.getDecoder().decode(master), "pakn-hub/encryption/v1");
        byte[] iv = Randomness.bytes(12);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(new byte[] {1});
        byte[] sealed = c.doFinal(text.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(13 + sealed.length).put((byte) 1).put(iv).put(sealed).array();
    }

    private static byte[] pngLike() {
        byte[] body = "quét thư giấy — trang 1".getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + body.length).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}).put(body).array();
    }
}
